"""Runs one Python program text the way the golden generators record it: exec() in a fresh
namespace, stdout captured, and an exception reduced to its class, message and program lines."""

import contextlib
import io
import re
import sys
import traceback

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def mask(text):
    """Object addresses (`<function f at 0x7f...>`) differ from run to run."""
    return _ADDRESS.sub(" at 0x?", text)


def program_stack(exc, filename):
    """The frames of the program itself, outermost first: [{"function", "line"}]. Frames of
    Python's or Keras's own code are left out (Keras filters most of them anyway)."""
    frames = []
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename:
            frames.append({"function": frame.name, "line": frame.lineno})
    return frames


def error_record(exc, filename):
    stack = program_stack(exc, filename)
    if isinstance(exc, SyntaxError) and exc.filename == filename:
        line = exc.lineno
    else:
        line = stack[-1]["line"] if stack else None
    return {"type": type(exc).__name__, "message": mask(str(exc)), "line": line, "stack": stack}


def run(source, filename, namespace, before=None):
    """exec `source` in `namespace`; returns (stdout text, error record or None)."""
    out = io.StringIO()
    error = None
    with contextlib.redirect_stdout(out):
        try:
            code = compile(source, filename, "exec")
            if before is not None:
                with before():
                    exec(code, namespace)
            else:
                exec(code, namespace)
        except Exception as exc:  # noqa: BLE001 - every program error is data
            error = error_record(exc, filename)
    sys.stdout.flush()
    return mask(out.getvalue()), error
