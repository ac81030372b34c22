"""`python -m pipeline serve`: the web app on this machine (127.0.0.1), or beyond it behind a password."""

from __future__ import annotations

import argparse
import getpass
import socket
import sys
import threading
import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from starlette.applications import Starlette

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
_Parser = TypeVar("_Parser", bound=argparse.ArgumentParser)  # the command line's own parser class


def add_serve_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    serve = commands.add_parser("serve", help="mở bàn làm việc của thư ký trên trình duyệt (ứng dụng web trên máy này)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT,
                       help=f"cổng (mặc định {DEFAULT_PORT}); cổng bận thì dùng cổng trống kế tiếp và in địa chỉ")
    serve.add_argument("--host", default=DEFAULT_HOST,
                       help=f"địa chỉ lắng nghe (mặc định {DEFAULT_HOST}: chỉ máy này); địa chỉ khác cần mật khẩu")
    serve.add_argument("--jobs", type=Path, default=Path("inputs"),
                       help="thư mục công việc (mặc định inputs/); kết quả ghi vào outputs/ cạnh nó")
    serve.add_argument("--proxy", metavar="ĐỊA_CHỈ",
                       help="địa chỉ máy chủ trung gian HTTPS (như nginx) được tin: nhận từ nó địa chỉ người dùng và "
                            "việc dùng HTTPS (docs/web.md); cần mật khẩu")
    serve.add_argument("--no-browser", action="store_true", help="không tự mở trình duyệt")
    serve.add_argument("--set-password", action="store_true",
                       help="đặt mật khẩu (lưu dạng băm cạnh thư mục công việc) rồi thoát")
    serve.add_argument("--debug", action="store_true", help="in chi tiết kỹ thuật khi có lỗi")
    serve.add_argument("--db", metavar="postgresql://…",
                       help="cơ sở dữ liệu của đợt đánh giá trực tuyến (mặc định: tệp SQLite cạnh thư mục công việc)")
    serve.set_defaults(command=serve_command)


def serve_command(args: argparse.Namespace) -> int:
    from pipeline.web.security import MIN_PASSWORD, is_local, load_password, password_file, save_password
    from pipeline.web.words import W  # here, not at the top: every other command builds its line from this module

    jobs: Path = args.jobs
    password_path = password_file(jobs)
    if args.set_password:
        first = getpass.getpass(W.password_prompt)
        if len(first) < MIN_PASSWORD:
            print(W.password_short.format(min=MIN_PASSWORD), file=sys.stderr)
            return 2
        if getpass.getpass(W.password_again) != first:
            print(W.password_mismatch, file=sys.stderr)
            return 2
        save_password(password_path, first)
        print(W.password_set.format(path=password_path))
        return 0
    if not jobs.is_dir():
        print(W.jobs_missing.format(jobs=jobs.absolute()), file=sys.stderr)
        return 2
    local = is_local(args.host)
    password = load_password(password_path)
    if password is None and (not local or args.proxy):
        said = W.needs_password_proxy.format(proxy=args.proxy, path=password_path) if local else \
            W.needs_password.format(host=args.host, path=password_path)
        print(said, file=sys.stderr)
        return 2
    from pipeline.web.app import create_app
    from pipeline.web.listening import PortProblem, open_port, url_of

    try:
        listening, moved = open_port(args.host, args.port)
    except PortProblem as problem:
        print(problem, file=sys.stderr)
        return 2
    allowed = ["127.0.0.1", "localhost", "[::1]"] if local else None
    app = create_app(jobs, password_path=None if password is None else password_path, allowed_hosts=allowed,
                     store_url=args.db)
    app.state.desk.warm()  # every job's check made while the clerk opens the first page
    url = url_of(args.host, listening.getsockname()[1])
    if moved:
        print(moved, flush=True)
    print(W.serving.format(url=url, jobs=jobs.absolute()), flush=True)
    if not args.no_browser:
        threading.Timer(1.0, webbrowser.open, [url]).start()
    with listening:
        run_server(app, listening, args.proxy)
    return 0


def run_server(app: Starlette, listening: socket.socket, proxy: str | None) -> None:
    """Serves `app` on the open socket until Ctrl+C; headers naming the client and HTTPS are believed only
    from the trusted proxy `proxy` (none: the peer's own address, plain HTTP)."""
    import uvicorn

    host, port = listening.getsockname()[:2]
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", proxy_headers=proxy is not None,
                            forwarded_allow_ips=proxy)
    uvicorn.Server(config).run(sockets=[listening])
