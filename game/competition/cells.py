"""Students' names and other free text made safe for the files a teacher opens: a cell of
a Markdown table (no raw HTML, no broken table) and a cell of a CSV file (no formula a
spreadsheet would run)."""

from __future__ import annotations

import html

from game.engine import markdown_cell as plain_cell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection)."""


def markdown_cell(text: str) -> str:
    """``text`` as one cell of a Markdown table in a file a teacher opens: on one line,
    its bars and backslashes escaped, and HTML shown as text (a name such as ``<img
    src=x onerror=...>`` stays a name on a course page)."""
    return html.escape(plain_cell(text.replace("\\", "\\\\")), quote=False)


def csv_cell(value: object) -> object:
    """``value`` as a CSV cell: text that a spreadsheet would run as a formula (``=cmd|...``)
    gets a leading apostrophe, which shows it as typed; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
