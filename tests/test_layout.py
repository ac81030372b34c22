"""The package reads as the pipeline: sub-packages in the order data flows, imports one way only.

Every import of every module is read from its source, those under `if TYPE_CHECKING:` too:
a module imports only from its own sub-package or from one earlier in the flow, so there
is no cycle, and no module is longer than can be read in one sitting. Inside `documents`,
each sub-package imports only the ones its job stands on (`DOCUMENTS_USES`).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "pipeline"
ORDER = ["base", "config", "read", "scoring", "figures", "documents", "job_documents", "write", "store", "new_job",
         "run_parts", "campaign_files", "flow", "web", "cli", "__main__"]
MODULES = sorted(p for p in PACKAGE.rglob("*.py"))
# What each sub-package of `documents` may import besides itself: layout stands on nothing, content and rendering
# on layout only (not on each other), charts and checks on those three (not on each other).
DOCUMENTS_USES = {"layout": set(), "content": {"layout"}, "rendering": {"layout"},
                  "charts": {"layout", "content", "rendering"}, "checks": {"layout", "content", "rendering"}}


def layer(module: str) -> int:
    """The place of `pipeline.<part>…` in the flow; `pipeline` itself (the version) comes first."""
    parts = module.split(".")
    return -1 if len(parts) == 1 else ORDER.index(parts[1])


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module_name(path).split(".")[:-node.level + (1 if path.name == "__init__.py" else 0) or None]
                found.append(".".join([*base, *([node.module] if node.module else [])]))
            else:
                found.append(node.module or "")
    return [name for name in found if name == "pipeline" or name.startswith("pipeline.")]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_module_imports_only_from_its_own_package_or_an_earlier_one(path):
    here = module_name(path)
    for name in imports(path):
        assert layer(name) <= layer(here), f"{here} imports {name}, which comes later in the flow"


def documents_part(module: str) -> str | None:
    """The sub-package of `documents` a module is in (`pipeline.documents.content.header` → "content"), else None."""
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[1] == "documents" else None


def test_documents_is_made_only_of_its_sub_packages_and_the_templates():
    folder = PACKAGE / "documents"
    assert ({p.name for p in folder.iterdir() if p.name != "__pycache__"}
            == {*DOCUMENTS_USES, "templates", "__init__.py"})
    assert all((folder / part / "__init__.py").is_file() for part in DOCUMENTS_USES)


@pytest.mark.parametrize("path", [p for p in MODULES if documents_part(module_name(p))],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_a_documents_module_imports_only_the_sub_packages_its_job_stands_on(path):
    here = documents_part(module_name(path))
    for name in imports(path):
        there = documents_part(name)
        assert there in {None, here, *DOCUMENTS_USES[here]}, f"{module_name(path)} imports {name}"


# What the parts after `documents` may take from it (the modules, below `pipeline.documents`): the results workbook,
# the store and a new job nothing (they print numbers with `figures`); the desk a template's check and a document's
# rendering (a unit's report shown as it will print); the command line its template and document checks. Only
# `flow.py`, which makes the documents, takes what it needs.
DOCUMENTS_FOR = {
    "write": set(), "store": set(), "new_job": set(),
    "web": {"checks.template_check", "checks.template_comments", "rendering.render", "content.report_context"},
    "cli": {"checks.template_check", "checks.template_comments", "checks.nd30_check", "content.catalogue"},
}


def part(module: str) -> str:
    """The sub-package (or top module) of the package a module is in: `pipeline.web.app` → "web"."""
    return module.split(".")[1] if "." in module else ""


@pytest.mark.parametrize("path", [p for p in MODULES if part(module_name(p)) in DOCUMENTS_FOR],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_a_part_after_the_documents_imports_from_them_only_what_it_renders_or_checks(path):
    here = module_name(path)
    allowed = DOCUMENTS_FOR[part(here)]
    for name in imports(path):
        if name == "pipeline.documents" or name.startswith("pipeline.documents."):
            assert name.removeprefix("pipeline.documents.") in allowed, f"{here} imports {name}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_longer_than_four_hundred_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 400


def test_there_is_no_import_cycle():
    graph = {module_name(p): {n for n in imports(p) if n != module_name(p)} for p in MODULES}
    modules = set(graph)
    for name, targets in graph.items():  # "from pipeline.x import y" may name a module or a name in it
        graph[name] = {t if t in modules else t.rpartition(".")[0] for t in targets} & modules
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in graph[node]:
            assert state.get(target) != 1, "import cycle: " + " -> ".join([*path, node, target])
            if target not in state:
                visit(target, [*path, node])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
