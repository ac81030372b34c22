"""No session gets what is not its own: every route of the app, every file it hands out, guessed ids and names.

The routes are read from the app itself (`app.routes`), so a route added later is covered without a change
here. Each path parameter is filled with what belongs to someone else (unit B's name, B's evidence ids and the
ids around them, B's workbook, B's report, the other job), each query with B's file names; every method a route
takes is tried. Unit A's session gets 403 or 404 from every route but its own pages, and nothing it receives
(page, file, zip and what it holds) carries anything of B's: B's marked justification, comment, explanation,
evidence file name or content. The appraiser assigned to A alone gets the same from everything of B's. A unit
cannot write appraised or final points, and no request of the desk, even the secretariat's, edits or removes
an event of the audit trail.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

import pytest
from starlette.routing import Mount, Route

from pipeline.store.records import Role
from tests.conftest import ROOT
from tests.web.campaign_people import JOB, MARK_A, MARK_B, OTHER_JOB, UNIT_A, UNIT_B, WORKBOOKS, People, csrf_of, pdf
from tests.web.test_documents import finished
from tests.web.test_plain_words import texts_of

A_FILE, B_FILE = "minh-chung-aaa.pdf", "minh-chung-bbb.pdf"
B_WORKBOOK = f"don-vi/{WORKBOOKS[UNIT_B]}"
CODES = ("1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3")
# The routes a unit uses: they answer a unit's session (with its own things only); any other route refuses it.
UNIT_ROUTES = {"/", "/login", "/logout", "/first-login", "/jobs/{job}/self", "/jobs/{job}/self/{criterion}",
               "/jobs/{job}/self/{criterion}/evidence", "/jobs/{job}/self/submit", "/jobs/{job}/self/report",
               "/jobs/{job}/evidence/{id:int}", "/jobs/{job}/evidence/{id:int}/remove", "/jobs/{job}/explanation",
               "/jobs/{job}/explanation/{criterion}"}
APPRAISER_ROUTES = {"/", "/login", "/logout", "/first-login", "/jobs/{job}/appraisal", "/jobs/{job}/appraisal/{unit}",
                    "/jobs/{job}/appraisal/{unit}/{criterion}", "/jobs/{job}/appraisal/{unit}/evidence/{id:int}"}
REFUSED = {403, 404}


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    """Units A and B self-assessed with marked words and evidence (put in the store: their own pages are tested
    with them), submitted, appraised (A by its appraiser, B by the secretariat), explained; documents made (B's
    report among them)."""
    people = People(tmp_path_factory.mktemp("tach-biet"))
    unit_a = people.person(Role.UNIT, UNIT_A, unit=UNIT_A)
    unit_b = people.person(Role.UNIT, UNIT_B, unit=UNIT_B)
    for unit, mark, name in ((UNIT_A, MARK_A, A_FILE), (UNIT_B, MARK_B, B_FILE)):
        for code in CODES:
            people.store.save_entry(JOB, unit, code, {"self_points": "2", "justification": f"Lý giải {mark}"}, 0,
                                    "thu-nghiem")
        people.store.add_evidence(JOB, unit, "1.1", name, pdf(mark), "thu-nghiem")
        people.store.submit(JOB, unit, "thu-nghiem")
    appraiser_a = people.person(Role.APPRAISER, "Thẩm định viên A", assigned=(UNIT_A,))
    people.move("open_appraisal")
    for client, unit, mark in ((appraiser_a, UNIT_A, MARK_A), (people.secretariat, UNIT_B, MARK_B)):
        assert people.appraise(client, unit, "1.1", "1,5", f"Ý kiến {mark}").status_code == 303
    people.move("open_explanation")
    for client, mark in ((unit_a, MARK_A), (unit_b, MARK_B)):
        assert people.explain(client, "1.1", f"Giải trình {mark}").status_code == 303
    people.secretariat.post_form(f"/jobs/{JOB}/documents", {})
    assert finished(people.secretariat, JOB)["state"] == "done"
    b_ids = [e.id for e in people.store.evidence(JOB, UNIT_B)]
    yield people, unit_a, unit_b, appraiser_a, b_ids
    people.close()


def b_things(people: People, b_ids: list[int]) -> dict[str, list[str]]:
    """What a path parameter or query may name of B's (or of another job): B's and guessed ids, names, files."""
    made = people.jobs.parent / "outputs" / JOB
    outputs = [p.relative_to(made).as_posix() for p in made.rglob("*") if p.is_file() and "phu-loc" in p.name]
    assert outputs, "B's report was not made"
    ids = sorted({*b_ids, *range(1, max(b_ids) + 3)})
    return {"job": [JOB, OTHER_JOB], "unit": [UNIT_B], "criterion": ["1.1"], "id": [str(i) for i in ids],
            "name": [B_WORKBOOK, B_FILE, *outputs], "file": [B_WORKBOOK, *outputs]}


def query_keys() -> list[str]:
    """Every query parameter the desk's code reads (`query_params.get("name")`, `query_params["tep"]`): each is
    tried with B's names, so a parameter added later is tried too."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "pipeline" / "web").glob("*.py"))
    return sorted(set(re.findall(r'query_params(?:\.get\(|\[)"([\w-]+)"', source)))


def urls(route: Route, things: dict[str, list[str]], queries: bool = True) -> list[str]:
    """The route's path with every combination of others' things in its parameters; and, on the first of those
    paths, every query parameter the desk reads naming B's workbook, B's files and B itself."""
    found = [route.path]
    for name in re.findall(r"{(\w+)(?::\w+)?}", route.path):
        values = things.get(name, things["unit"] + things["id"] + things["name"])
        found = [re.sub(rf"{{{name}(?::\w+)?}}", quote(v, safe=""), url) for url in found for v in values]
    named = [*things["name"], UNIT_B]
    return found + [f"{found[0]}?{key}={quote(v)}" for key in QUERY_KEYS for v in named if queries]


QUERY_KEYS = query_keys()


def leaks(response, url: str = "") -> list[str]:
    """B's marks in what the response hands out (a page's text, a file's, the files of a zip); a name the URL
    itself carries and the page repeats is not B's (B's marked words are in no URL)."""
    kind = response.headers.get("content-type", "")
    texts = [response.text] if kind.startswith(("text/", "application/json")) else []
    disposition = response.headers.get("content-disposition", "")
    name = re.findall(r"filename\*?=(?:utf-8'')?\"?([^\";]+)", disposition, re.IGNORECASE)
    if name or not texts:
        texts += [t for _, t in texts_of(name[-1] if name else "tep.zip" if response.content[:2] == b"PK" else "x",
                                          response.content)]
        texts.append(response.content.decode("latin-1"))
    asked = unquote(url)
    return [mark for mark in (MARK_B, B_FILE, UNIT_B) for text in texts if mark in text and mark not in asked]


def tried(client, route: Route, things: dict[str, list[str]], queries: bool = True):
    """(method, url, response) of every method of `route` with others' things (in queries too, unless not)."""
    page = client.get(f"/jobs/{JOB}/self" if getattr(client, "role", None) is Role.UNIT else "/").text
    token = csrf_of(page) if 'name="csrf"' in page else ""
    for url in urls(route, things, queries):
        for method in sorted(route.methods or {"GET"}):
            if method == "HEAD":
                continue
            data = {"csrf": token, "points": "0", "comment": "x", "explanation": "x", "justification": "x",
                    "version": "1", "move": "open_explanation", "account": "1", "assigned": UNIT_B}
            response = client.request(method, url, data=data if method == "POST" else None, follow_redirects=False)
            yield method, url, response


def app_routes(people: People) -> list[Route]:
    """Every route of the app but logging out (it would end the session trying the others; it hands out nothing)."""
    routes = [r for r in people.app.routes if isinstance(r, Route) and r.path != "/logout"]
    assert not [r for r in people.app.routes if not isinstance(r, (Route, Mount))]
    return routes


@pytest.mark.parametrize("who", ["unit", "appraiser"])
def test_a_session_gets_nothing_of_another_unit_from_any_route(campaign, who):
    people, unit_a, _, appraiser_a, b_ids = campaign
    client, own = (unit_a, UNIT_ROUTES) if who == "unit" else (appraiser_a, APPRAISER_ROUTES)
    client.role = Role.UNIT if who == "unit" else Role.APPRAISER
    things = b_things(people, b_ids)
    before = (people.store.entries(JOB, UNIT_B), (people.jobs / JOB / B_WORKBOOK).read_bytes())
    wrong = []
    checked = 0
    for route in app_routes(people):
        for method, url, response in tried(client, route, things):
            checked += 1
            if route.path not in own and response.status_code not in REFUSED:
                wrong.append(f"{method} {url}: {response.status_code} (not refused)")
            elif response.status_code < 400 and leaks(response, url):
                wrong.append(f"{method} {url}: {response.status_code} hands out {leaks(response, url)}")
    assert not wrong, "\n".join(wrong[:40])
    assert checked > 200
    assert (people.store.entries(JOB, UNIT_B), (people.jobs / JOB / B_WORKBOOK).read_bytes()) == before


def test_every_route_is_tried(campaign):
    """Sanity of the test itself: the routes of the online campaign are among those tried."""
    people = campaign[0]
    paths = {r.path for r in app_routes(people)}
    assert {"/jobs/{job}/appraisal/{unit}", "/jobs/{job}/explanation", "/jobs/{job}/appraisal/{unit}/evidence/{id:int}",
            "/jobs/{job}/evidence/{id:int}", "/jobs/{job}/self", "/jobs/{job}/campaign", "/jobs/{job}/data/file",
            "/jobs/{job}/output"} <= paths


def test_a_unit_gets_its_own_evidence_but_not_anothers_by_guessed_id(campaign):
    people, unit_a, unit_b, appraiser_a, b_ids = campaign
    a_ids = [e.id for e in people.store.evidence(JOB, UNIT_A)]
    assert unit_a.get(f"/jobs/{JOB}/evidence/{a_ids[0]}").content == pdf(MARK_A)
    assert appraiser_a.get(f"/jobs/{JOB}/appraisal/{quote(UNIT_A)}/evidence/{a_ids[0]}").content == pdf(MARK_A)
    for evidence_id in b_ids:
        assert unit_a.get(f"/jobs/{JOB}/evidence/{evidence_id}").status_code in REFUSED
        assert appraiser_a.get(f"/jobs/{JOB}/evidence/{evidence_id}").status_code in REFUSED
        for unit in (UNIT_A, UNIT_B):  # B's file under A's name, and under B's
            assert appraiser_a.get(f"/jobs/{JOB}/appraisal/{quote(unit)}/evidence/{evidence_id}").status_code \
                in REFUSED
        assert unit_b.get(f"/jobs/{JOB}/evidence/{evidence_id}").content == pdf(MARK_B)


def test_a_unit_cannot_write_appraised_nor_final_points(campaign):
    people, unit_a, *_ = campaign
    before = people.store.entries(JOB, UNIT_A)["1.1"]
    page = unit_a.get(f"/jobs/{JOB}/self").text
    for url in (f"/jobs/{JOB}/appraisal/{quote(UNIT_A)}/1.1", f"/jobs/{JOB}/appraisal/phase"):
        answer = unit_a.post(url, data={"csrf": csrf_of(page), "points": "0", "version": str(before.version),
                                        "move": "close_explanation"})
        assert answer.status_code in REFUSED, url
    unit_a.post(f"/jobs/{JOB}/self/1.1", data={"csrf": csrf_of(page), "points": "5", "justification": "x",
                                               "appraised_points": "0", "final_points": "0",
                                               "version": str(before.version)})
    after = people.store.entries(JOB, UNIT_A)["1.1"]
    assert (after.appraised_points, after.final_points) == (before.appraised_points, before.final_points)
    assert people.store.phase(JOB).phase == "explanation"


def test_no_request_of_the_desk_edits_or_removes_an_audit_event(campaign):
    """Every route, every method, even the secretariat's session: the trail only grows."""
    people, *_ , b_ids = campaign
    before = people.store.audit(JOB)
    assert len(before) > 10
    things = b_things(people, b_ids)
    for route in app_routes(people):
        if route.path.endswith(("/documents", "/data/delete", "/phase")) or "/preview" in route.path:
            continue  # a run, a deletion, a phase moved (events added, none edited), pictures of pages
        for _ in tried(people.secretariat, route, {**things, "job": [JOB]}, queries=False):
            pass
    after = people.store.audit(JOB)
    assert after[:len(before)] == before
