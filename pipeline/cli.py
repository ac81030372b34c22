"""Command line: `python -m pipeline run inputs/<job>` (also installed as `pipeline`)."""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from pipeline import __version__
from pipeline.errors import InputErrors
from pipeline.formatting import number
from pipeline.messages import report


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = _parser().parse_args(argv)
    try:
        return args.command(args)
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pipeline", description="Tính điểm, xếp hạng, xếp loại và lập văn bản từ bảng điểm.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="lệnh", required=True)
    run = commands.add_parser("run", help="chạy một công việc (thư mục trong inputs/)")
    run.add_argument("job", type=Path, help="thư mục công việc, ví dụ inputs/huong-tra-2020-xep-loai")
    run.add_argument("--out", type=Path, help="thư mục ghi kết quả (mặc định outputs/<tên công việc>)")
    run.add_argument("--force", action="store_true", help="cho phép ghi đè tệp đã có")
    run.add_argument("--debug", action="store_true", help="in chi tiết kỹ thuật khi có lỗi")
    run.set_defaults(command=_run)
    return parser


def _run(args: argparse.Namespace) -> int:
    from pipeline.flow import run_job

    job = args.job
    out_dir = args.out or Path("outputs") / job.resolve().name
    result, written = run_job(job, out_dir, force=args.force)
    print(summary(result))
    print("\nĐã ghi:")
    for path in written:
        print(f"  {path}")
    return 0


def summary(result) -> str:
    """A few lines per group: units, counts per label, the first-ranked unit."""
    scheme = result.settings.scheme
    lines = [f"Công việc {result.settings.name} — {scheme.name} ({scheme.reference})"]
    for group in result.settings.groups:
        members = result.units[result.units["group"] == group.name]
        evaluated = members[members["evaluated"].astype(bool)]
        counts = result.counts[result.counts["group"] == group.name]
        by_label = ", ".join(f"{r['label']}: {r['count']}" for _, r in counts.iterrows())
        lines.append(f"- {group.name}: {len(members)} đơn vị, {len(evaluated)} được xếp loại, "
                     f"{len(members) - len(evaluated)} không đánh giá.")
        lines.append(f"  {by_label}.")
        first = evaluated[evaluated["rank"] == 1]
        if len(first):
            names = ", ".join(f"{r['unit']} ({number(r['score'], scheme.decimals, scheme.fixed_decimals)} điểm)"
                              for _, r in first.iterrows())
            lines.append(f"  Xếp thứ nhất: {names}.")
    return "\n".join(lines)
