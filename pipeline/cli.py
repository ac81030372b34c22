"""Command line: `python -m pipeline run inputs/<job>` (also installed as `pipeline`)."""

from __future__ import annotations

import argparse
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from pipeline import __version__
from pipeline.base.collector import collect_rarely
from pipeline.base.errors import InputErrors, Reason, problem
from pipeline.base.memory import return_large_blocks
from pipeline.base.messages import describe, report
from pipeline.base.messages_ties import tie_text
from pipeline.config.kinds import KINDS

if TYPE_CHECKING:  # imported where used, so that a command loads only what it needs
    from tqdm import tqdm

    from pipeline.base.errors import Problem
    from pipeline.scoring.result import JobResult


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    return_large_blocks()  # a large decision's copies of its text do not pile up in the peak
    args = _parser().parse_args(argv)
    try:
        command: Callable[[argparse.Namespace], int] = args.command
        return command(args)
    except InputErrors as exc:
        if args.debug:
            traceback.print_exc()
        print(report(exc.problems), file=sys.stderr)
        return exc.exit_code
    except Exception:
        if args.debug:
            raise
        print("Lỗi ngoài dự kiến của chương trình (không phải lỗi số liệu). Chưa ghi tệp nào.\n"
              "Chạy lại với --debug để xem chi tiết và gửi cho bộ phận kỹ thuật.", file=sys.stderr)
        return 3


class _Parser(argparse.ArgumentParser):
    """argparse with its usage errors said in Vietnamese."""

    _WORDS = (
        (r"argument (\S+): invalid choice: '([^']*)' \(choose from (.*)\)",
         r'"\2" không hợp lệ cho \1; chọn một trong: \3'),
        (r"the following arguments are required: (.*)", r"thiếu: \1"),
        (r"unrecognized arguments: (.*)", r"không hiểu: \1"),
        (r"argument (\S+): expected one argument", r"\1 cần một giá trị"),
    )

    def error(self, message: str) -> NoReturn:
        for pattern, text in self._WORDS:
            message = re.sub(pattern, text, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"Lệnh viết sai: {message}. Xem hướng dẫn: python -m pipeline --help\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="pipeline", description="Tính điểm, xếp hạng, xếp loại và lập văn bản từ bảng điểm.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="lệnh", required=True)

    run = commands.add_parser("run", help="chạy một công việc (thư mục trong inputs/)")
    _job_argument(run)
    run.add_argument("--out", type=Path,
                     help="thư mục ghi kết quả (mặc định outputs/<tên công việc> trong thư mục đang đứng)")
    run.add_argument("--force", action="store_true", help="cho phép ghi đè tệp đã có")
    run.add_argument("--pdf", action="store_true",
                     help="ghi thêm bản PDF/A-2b của mỗi văn bản (cần LibreOffice 7.4 trở lên)")
    _strict_argument(run)
    run.set_defaults(command=_run)

    check = commands.add_parser("check", help="kiểm tra một công việc mà không ghi văn bản nào")
    _job_argument(check)
    check.add_argument("--errors", type=Path, metavar="TEP.xlsx",
                       help="ghi danh sách lỗi thành bảng Excel, mỗi lỗi một dòng")
    _strict_argument(check)
    check.set_defaults(command=_check)

    template = commands.add_parser("check-template", help="kiểm tra các thẻ trong một mẫu văn bản Word")
    template.add_argument("template", type=Path, help="tệp mẫu .docx")
    template.add_argument("--kind", choices=sorted(KINDS),
                          help="loại văn bản mẫu dùng cho (mặc định: đoán theo tên tệp)")
    _annotate_options(template, "mẫu", "mỗi đoạn văn có lỗi", "<tên mẫu>")
    template.set_defaults(command=_check_template)

    checked = commands.add_parser("check-document", help="kiểm tra thể thức một văn bản Word theo Nghị định 30")
    checked.add_argument("template", type=Path, metavar="VAN_BAN.docx", help="tệp văn bản .docx")
    _annotate_options(checked, "văn bản", "mỗi điều chưa đạt", "<tên văn bản>")
    checked.set_defaults(command=_check_document)

    init = commands.add_parser("init", help="tạo thư mục công việc mới với tệp thiết lập và bảng nhập liệu")
    starters = ", ".join(sorted(k for k, r in KINDS.items() if r.starter))
    init.add_argument("first", metavar="LOAI_HOAC_THU_MUC",
                      help=f"thư mục công việc mới, ví dụ inputs/tu-cham-2026, với loại văn bản ở --kind; hoặc loại "
                           f"văn bản rồi thư mục. Các loại: {starters}")
    init.add_argument("second", nargs="?", metavar="THU_MUC", help="thư mục công việc mới (khi đã ghi loại văn bản)")
    init.add_argument("--kind", help="loại văn bản, ví dụ dot-danh-gia (đợt đánh giá)")
    init.add_argument("--from", dest="source", type=Path, metavar="CONG_VIEC",
                      help="lấy danh mục tiêu chí hoặc danh sách đơn vị từ một công việc đã có (điểm để trống)")
    init.add_argument("--scheme", metavar="BO_TIEU_CHI",
                      help="bộ tiêu chí thay cho bộ tiêu chí mặc định của loại văn bản, ví dụ par-index@2020; bảng "
                           "nhập liệu có các cột thành phần của bộ tiêu chí")
    init.add_argument("--criteria", type=Path, metavar="TEP_XLSX",
                      help="(đợt đánh giá) tệp Excel có bảng tiêu chí: cây tiêu chí của các bảng đơn vị")
    init.add_argument("--debug", action="store_true", help="in chi tiết kỹ thuật khi có lỗi")
    init.set_defaults(command=_init)

    from pipeline.web.serve import add_serve_command  # the web app: `pipeline serve`

    add_serve_command(commands)
    from pipeline.store.commands import add_store_commands  # the online campaign's store: accounts, backup, restore

    add_store_commands(commands)
    return parser


def _job_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("job", type=Path, help="thư mục công việc, ví dụ inputs/huong-tra-2020-xep-loai")
    parser.add_argument("--debug", action="store_true", help="in chi tiết kỹ thuật khi có lỗi")


def _strict_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true",
                        help="coi các chỗ cần xem lại (số trong lý giải, điểm khác cách chấm) là lỗi: không ghi gì")


def findings_text(findings: Sequence[Problem]) -> str:
    """The findings on typed numbers under one heading, numbered (nothing when there is none)."""
    from pipeline.base.messages_checks import REVIEW_TEXT

    if not findings:
        return ""
    lines = [REVIEW_TEXT.heading.format(count=len(findings))]
    return "\n".join([*lines, *(f"{n}. {describe(f)}" for n, f in enumerate(findings, 1))])


class _NoBar:
    """What `_progress_bar` gives off a terminal, where tqdm would show nothing (`disable=None`): no import."""

    total: int | None = None
    n = 0

    def update(self, steps: float) -> None:
        pass

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def _progress_bar() -> _NoBar | tqdm[Any]:
    """A progress bar on a terminal, without tqdm's monitor thread: workers are forked while it runs."""
    if not (hasattr(sys.stderr, "isatty") and sys.stderr.isatty()):
        return _NoBar()
    from tqdm import tqdm

    class Bar(tqdm[Any]):
        monitor_interval = 0

    return Bar(desc="Báo cáo đơn vị", unit=" tệp", disable=None, leave=False)


def _counted(bar: _NoBar | tqdm[Any]) -> Callable[[str, int, int], None]:
    """A run's progress as the bar shows it: a campaign's data files read, with their units' reports made."""
    def progress(phase: str, done: int, total: int) -> None:
        if phase == "units":
            bar.total = total
            bar.update(done - bar.n)
    return progress


def _run(args: argparse.Namespace) -> int:
    collect_rarely()  # a one-off run (`base.collector`)
    from pipeline.flow import run_job

    out_dir = args.out or Path("outputs") / args.job.resolve().name
    with _progress_bar() as bar:  # messages name the output folder in full: a relative one depends on where one stands
        run = run_job(args.job, out_dir.absolute(), force=args.force, pdf=args.pdf, progress=_counted(bar),
                      strict=args.strict)
    print(summary(run.result))
    where = "" if out_dir.is_absolute() else f" (tức {out_dir.absolute()})"
    print(f"\nĐã ghi {len(run.written) + 1} tệp vào {out_dir}{where}:")
    shown = run.written if len(run.written) <= 12 else [*run.written[:6], None, *run.written[-3:]]
    inside = out_dir.absolute()
    for path in shown:
        print(f"  {path.relative_to(inside)}" if path
              else f"  … ({len(run.written) - 9} tệp khác, xem {run.manifest.name})")
    print(f"  {run.manifest.relative_to(inside)} (danh sách tệp và mã SHA-256)")
    if run.removed:
        print(f"\nĐã xóa {len(run.removed)} tệp của lần chạy trước mà lần này không lập lại: "
              + ", ".join(run.removed[:5]) + (", …" if len(run.removed) > 5 else ""))
    if run.result.findings:
        print(f"\n{findings_text(run.result.findings)}")
    for warning in run.warnings:  # last, where it is read: nothing failed, but it matters before signing
        if warning not in run.result.findings:
            print(f"\n{describe(warning)}")
    return 0


def _check(args: argparse.Namespace) -> int:
    collect_rarely()
    from pipeline.flow import check_job
    from pipeline.write.staging import recover

    if args.errors is not None and (args.errors.is_dir() or args.errors.suffix.lower() != ".xlsx"):
        raise InputErrors([problem(Reason.ERRORS_FILE_NAME, file=str(args.errors))])  # before any work
    for note in recover((Path("outputs") / args.job.resolve().name).absolute()):  # a run killed in its folder
        print(describe(note), file=sys.stderr)
    try:
        with _progress_bar() as bar:
            result = check_job(args.job, progress=_counted(bar), strict=args.strict)
    except InputErrors as exc:
        if args.errors:
            from pipeline.write.files import write_atomically
            from pipeline.write.problems_workbook import problems_workbook

            write_atomically(args.errors, problems_workbook(exc.problems))
            print(f"Đã ghi danh sách lỗi vào {args.errors}.", file=sys.stderr)
        elif len(exc.problems) > 10:
            print("(Thêm --errors loi.xlsx để có danh sách lỗi dạng bảng Excel, mỗi lỗi một dòng.)",
                  file=sys.stderr)
        raise
    print(summary(result))
    if not result.settings.decision_made:  # a campaign under appraisal: said before the run says it again
        print(f"\n{describe(problem(Reason.APPRAISAL_NOT_DONE))}")
    if result.findings:
        print(f"\n{findings_text(result.findings)}")
    # units left unmatched, totals kept as published, names to write properly
    for warning in (*result.previous_warnings, *result.warnings, *result.name_warnings):
        print(f"\n{describe(warning)}")
    print(f"\nKhông có lỗi. Chạy: python -m pipeline run {args.job}")
    return 0


def _check_template(args: argparse.Namespace) -> int:
    from pipeline.documents.checks.template_check import check_template
    from pipeline.documents.content.catalogue import KIND_CONTEXT, context_for_template

    context = KIND_CONTEXT[args.kind] if args.kind else context_for_template(args.template.name)
    target = _annotated_path(args) if args.annotate else None  # refused before any work, like --errors
    found = check_template(args.template, context)
    if target is not None and found:  # the annotated copy is written: the report must not say nothing was
        written = _annotate(args.template, target, found)
        print(report(found, nothing_written=False) + "\n\n" + written, file=sys.stderr)
        return InputErrors.exit_code
    if found:
        raise InputErrors(found)
    if target is not None:
        from pipeline.base.messages_documents import ANNOTATE_TEXT

        print(ANNOTATE_TEXT.clean.format(path=args.template), file=sys.stderr)
    print(f"Mẫu {args.template} không có lỗi thẻ nào.")
    _nd30_of_template(args.template)
    return 0


def _nd30_of_template(template: Path) -> None:
    """The ND30 rule pack on the template too: the rules it breaks, said after its tags (`check-document`)."""
    from pipeline.documents.checks.nd30_check import FAILS, check_document, outcome_lines

    outcomes = check_document(template)
    if any(o.status == FAILS for o in outcomes):
        print("\n" + "\n".join(outcome_lines(template, [o for o in outcomes if o.status == FAILS])))


def _annotate_options(parser: argparse.ArgumentParser, what: str, where: str, name: str) -> None:
    """--annotate, --force, --debug of a command that checks one Word file."""
    parser.add_argument("--annotate", nargs="?", const=True, type=Path, metavar="TEP.docx",
                        help=f"ghi một bản sao của {what} có ghi chú (comment) của Word ở {where} "
                             f"(mặc định {name}.gop-y.docx cạnh {what})")
    parser.add_argument("--force", action="store_true", help="cho phép ghi đè bản góp ý đã có")
    parser.add_argument("--debug", action="store_true", help="in chi tiết kỹ thuật khi có lỗi")


def _check_document(args: argparse.Namespace) -> int:
    """The ND30 rule pack on one Word document: what holds, what fails, what could not be checked; 1 when a rule
    fails."""
    from pipeline.documents.checks.nd30_check import FAILS, check_document, outcome_lines, outcome_problems

    if not args.template.is_file():
        raise InputErrors([problem(Reason.DATA_FILE_MISSING, file=str(args.template))])
    target = _annotated_path(args) if args.annotate else None
    outcomes = check_document(args.template)
    print("\n".join(outcome_lines(args.template, outcomes)))
    flagged = outcome_problems(args.template, outcomes)
    if target is not None and flagged:
        print("\n" + _annotate(args.template, target, flagged), file=sys.stderr)
    return 1 if any(o.status == FAILS for o in outcomes) else 0


def _annotated_path(args: argparse.Namespace) -> Path:
    """Where the annotated copy goes: never the template itself, nor over a file already there without --force."""
    template: Path = args.template
    target = template.with_name(f"{template.stem}.gop-y.docx") if args.annotate is True else args.annotate
    if target.resolve() == template.resolve() or (target.exists() and template.exists()
                                                  and target.samefile(template)):
        raise InputErrors([problem(Reason.ANNOTATED_IS_TEMPLATE, file=str(target))])
    if (target.exists() or target.is_symlink()) and not args.force:
        raise InputErrors([problem(Reason.OUTPUT_EXISTS, file=str(target))])
    return target


def _annotate(template: Path, target: Path, found: list) -> str:
    """Writes the annotated copy; what to say about it."""
    from pipeline.base.messages_documents import ANNOTATE_TEXT
    from pipeline.documents.checks.template_comments import annotated
    from pipeline.write.files import write_atomically

    write_atomically(target, annotated(template, found))
    return ANNOTATE_TEXT.written.format(path=target, count=len(found))


def _init(args: argparse.Namespace) -> int:
    from pipeline.new_job.start import start_job

    kind, job = (args.first, args.second) if args.second is not None else (args.kind, args.first)
    job = Path(job)
    created = start_job(kind, job, source=args.source, criteria=args.criteria, scheme=args.scheme)
    print(f"Đã tạo công việc mới {job}:")
    for path in created:
        print(f"  {path}")
    print(f"\nĐiền số liệu vào bảng, sửa job.toml, rồi chạy: python -m pipeline check {job}")
    return 0


def summary(result: JobResult) -> str:
    """A few lines per group: units, counts per label (none when labels = []), the first-ranked unit."""
    from pipeline.config.applied import applied_lines, bounds_text
    from pipeline.figures.numbers import score_words

    scheme = result.settings.scheme
    lines = [f"Công việc {result.settings.name} — {scheme.name} ({scheme.reference})"]
    lines += [f"  {line}" for line in applied_lines(result.settings)]
    for group in result.settings.groups:
        members = result.members(group.name)
        evaluated = [u for u in members if u["evaluated"]]
        by_label = ", ".join(f"{r['label']}: {r['count']}" for r in result.counts if r["group"] == group.name)
        done = "được xếp loại" if by_label else "được xếp hạng"
        lines.append(f"- {group.name}: {len(members)} đơn vị, {len(evaluated)} {done}, "
                     f"{len(members) - len(evaluated)} không đánh giá.")
        if group.labels is not None:
            lines.append(f"  Xếp loại riêng của khối: {bounds_text(group.labels)}.")
        if by_label:
            lines.append(f"  {by_label}.")
        first = [u for u in evaluated if u["rank"] == 1]
        if first:
            names = ", ".join(f"{r['unit']} ({score_words(r['score'], scheme)})" for r in first
                              if r["score"] is not None)  # an evaluated unit has its score
            lines.append(f"  Xếp thứ nhất: {names}.")
        for tie in (t for t in result.ties if t["group"] == group.name):
            lines.append("  " + tie_text(tie, score_words(tie["score"], scheme)))
    return "\n".join(lines)
