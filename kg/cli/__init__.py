"""The `kg` command: one Typer app per command module, joined here."""
from __future__ import annotations

import os
import sys

import typer

from kg.cli import build, eval as eval_cmd, export, neighbors, query, view

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Knowledge graphs from Chinese district and county newspaper pages.",
)
for module in (build, neighbors, query, eval_cmd, view, export):
    app.add_typer(module.app)


def main() -> None:
    """Run the app; a usage error (bad option value, missing argument) is one line, exit 2."""
    try:
        code = app(standalone_mode=False)
    except typer.Abort:
        print("aborted", file=sys.stderr)
        sys.exit(130)
    except typer.TyperException as e:  # typer's own click: usage and parameter errors
        ctx = getattr(e, "ctx", None)
        if type(e).__name__ == "NoArgsIsHelpError" and ctx is not None:
            print(ctx.get_help())
            sys.exit(0)
        message = e.format_message() if hasattr(e, "format_message") else str(e)
        where = f" (kg {ctx.command_path.split(' ', 1)[-1]} --help)" if ctx is not None and " " in ctx.command_path else ""
        print(f"error: {message}{where}", file=sys.stderr)
        sys.exit(getattr(e, "exit_code", 2) or 2)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as e:  # a bug, not a user error: still one line, the traceback on request
        if os.environ.get("KG_DEBUG"):
            raise
        print(f"error: unexpected {type(e).__name__}: {' '.join(str(e).split())} "
              "(set KG_DEBUG=1 for the traceback)", file=sys.stderr)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
