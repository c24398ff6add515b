"""How a refused store write is named in logs and run outcomes, whichever backend refused it."""

from __future__ import annotations

REASON_CHARS = 300


def describe_error(error: BaseException) -> str:
    """One line naming a store error and what the database said ("DataError: PostgreSQL text fields cannot…").

    Only the first line (psycopg adds DETAIL/HINT lines), at most REASON_CHARS characters.
    """
    lines = str(error).strip().splitlines()
    text = f"{type(error).__name__}: {lines[0] if lines else ''}".rstrip(": ")
    return text if len(text) <= REASON_CHARS else text[: REASON_CHARS - 1] + "…"
