"""`conflict-counts anchor` fills offsets from quotes, is idempotent, and is all-or-nothing."""

from __future__ import annotations

from pathlib import Path

DOC = "0123456789abcdef.yaml"


def _strip_offsets(path: Path) -> None:
    """Turn the canonical file back into what an annotator writes: quotes, no offsets."""
    import re

    text = re.sub(r"start: \d+, end: \d+, ", "", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def test_anchor_restores_the_offsets(mini: Path, run_cli) -> None:
    gold = mini / "gold" / DOC
    canonical = gold.read_text(encoding="utf-8")
    _strip_offsets(gold)
    code, _, err = run_cli("anchor", str(mini / "gold"), "--seeds", str(mini / "articles"))
    assert (code, err) == (0, "")
    assert gold.read_text(encoding="utf-8") == canonical


def test_anchor_is_idempotent(mini: Path, run_cli) -> None:
    before = {p.name: p.read_bytes() for p in (mini / "gold").iterdir()}
    assert run_cli("anchor", str(mini / "gold"), "--seeds", str(mini / "articles"))[0] == 0
    assert {p.name: p.read_bytes() for p in (mini / "gold").iterdir()} == before


def test_anchor_rewrites_nothing_when_one_quote_fails(mini: Path, run_cli) -> None:
    gold = mini / "gold" / DOC
    _strip_offsets(gold)
    gold.write_text(gold.read_text(encoding="utf-8").replace('text: "fångar"', 'text: "fångarna"'),
                    encoding="utf-8")
    before = gold.read_bytes()
    code, _, err = run_cli("anchor", str(mini / "gold"), "--seeds", str(mini / "articles"))
    assert code == 2
    assert f"{gold}:23: counted: 'fångarna' not found" in err
    assert gold.read_bytes() == before


def test_locate_prints_a_span(mini: Path, run_cli) -> None:
    code, out, _ = run_cli("locate", "0123456789abcdef", "fångar", "--seeds", str(mini / "articles"))
    assert (code, out.strip()) == (0, '{start: 73, end: 79, text: "fångar"}')
