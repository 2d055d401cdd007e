"""The README's example runs and prints what it says, in 15 lines."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_fifteen_line_example() -> None:
    """The Python block runs, prints its promised output, and is at most 15 lines long."""
    (code,) = re.findall(r"```python\n(.*?)```", README, re.DOTALL)
    assert len(code.strip().splitlines()) <= 15
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue() == "2025-07-23 True\n"


def test_commands_are_marked() -> None:
    """The commands CI runs are where .ci/run looks for them."""
    for marker in ("main-command", "test-command", "docs-command"):
        assert f"<!-- {marker} -->\n```sh\n" in README
