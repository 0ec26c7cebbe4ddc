"""Error lines stay short however long the input value they quote."""

from __future__ import annotations

from conflict_counts.errors import QUOTE_LIMIT, Problem, quote


def test_quote_keeps_short_values_and_cuts_long_ones() -> None:
    assert quote("sv") == "'sv'"
    assert quote(12) == "12"
    long = quote("x" * 50_000_000)
    assert len(long) < QUOTE_LIMIT + 25 and long.endswith("(50000000 characters)")
    assert len(quote(list(range(10_000)))) <= QUOTE_LIMIT


def test_a_problem_line_is_capped_even_if_a_message_quotes_raw_input() -> None:
    line = str(Problem("pred.jsonl", 3, "mentions[0]." + "k" * 10_000, "unknown " + "v" * 10_000))
    assert len(line) < 600
    assert line.startswith("pred.jsonl:3: mentions[0].kkk")
