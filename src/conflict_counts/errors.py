"""Errors that reach the user as one line each: file, line, field, what was expected."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One failed check, located precisely enough to fix without reading code."""

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class InputError(Exception):
    """Bad input; the CLI prints every problem, one a line, and exits non-zero."""

    def __init__(self, problems: Problem | Iterable[Problem]) -> None:
        self.problems: list[Problem] = (
            [problems] if isinstance(problems, Problem) else sorted(problems, key=_sort_key)
        )
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, file: str, line: int | None, field: str | None, message: str) -> InputError:
        """An error with a single problem, for the common case of one bad value."""
        return cls(Problem(str(file), line, field, message))


def _sort_key(problem: Problem) -> tuple[str, int, str, str]:
    return (problem.file, problem.line or 0, problem.field or "", problem.message)


def raise_if_any(problems: Iterable[Problem]) -> None:
    """Raise one InputError carrying every problem, so the user sees all of them at once."""
    collected = list(problems)
    if collected:
        raise InputError(collected)
