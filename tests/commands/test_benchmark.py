"""``conflict-counts benchmark``: build, validate, every baseline, scores, leaderboard."""

from __future__ import annotations

import contextlib
import importlib.util
import io
from pathlib import Path

import pytest

from conflict_counts.cli import main
from conflict_counts.commands.benchmark import BLOCK, Result, leaderboard, write_leaderboard
from conflict_counts.errors import InputError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def benchmark(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, str, Path, bytes, bytes]:
    """One run of `benchmark --no-card` into a temporary dataset folder (the slow part)."""
    folder = tmp_path_factory.mktemp("benchmark")
    readme_before = (ROOT / "README.md").read_bytes()
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(
            [
                "benchmark",
                "--no-card",
                "--samples",
                "20",
                "--seeds",
                str(ROOT / "seeds" / "articles"),
                "--annotations",
                str(ROOT / "seeds" / "annotations" / "gold"),
                "--changelog",
                str(ROOT / "CHANGELOG.md"),
                "--out",
                str(folder / "dataset"),
                "--keep",
                str(folder / "predictions"),
            ]
        )
    return status, out.getvalue(), err.getvalue(), folder, readme_before, (ROOT / "README.md").read_bytes()


def test_every_baseline_is_run_scored_and_listed(benchmark) -> None:
    status, out, err, folder, _, _ = benchmark
    assert status == 0, err
    assert "| baseline | entities strict | linking B³ | claims span |" in out
    assert "| rules |" in out and "| learned |" in out
    assert "| rules | sv |" in out and "| learned | en |" in out
    assert (folder / "predictions" / "rules.jsonl").is_file()
    assert (folder / "predictions" / "learned.jsonl").is_file()
    assert (folder / "dataset" / "claims.parquet").is_file()
    if importlib.util.find_spec("quantulum3") is None:
        assert "skipped: quantulum3 not installed" in out
    else:
        assert (folder / "predictions" / "quantulum.jsonl").is_file()
        assert "| quantulum | – | – |" in out and "| quantulum | en |" in out
        assert "| quantulum | sv |" not in out  # English only


def test_no_card_leaves_the_readme_alone(benchmark) -> None:
    _, _, _, _, before, after = benchmark
    assert before == after


def _result(f1: float) -> dict:
    score = {"f1": f1, "f1_ci": [f1 - 0.1, f1 + 0.1]}
    per_language = {
        lang: {"strict": score, "span_strict": score, "value": score, "full": score}
        for lang in ("sv", "nb", "en")
    }
    return {
        "entities": {"strict": score, "per_language": per_language},
        "linking": {"bcubed": score},
        "claims": {
            "span_strict": score,
            "value": score,
            "attribution": score,
            "full": score,
            "per_language": per_language,
        },
        "groups": {"conll": score},
    }


def test_leaderboard_table_and_skipped_baselines() -> None:
    table = leaderboard(
        [
            Result("rules", "cue words", _result(0.5)),
            Result("quantulum", "peer", None, "skipped: quantulum3 not installed"),
        ],
        samples=20,
    )
    assert "| rules | 0.500 [0.40, 0.60] |" in table
    assert "| quantulum | skipped: quantulum3 not installed | – |" in table
    assert "| rules | nb | 0.500 [0.40, 0.60] |" in table
    assert "do not edit" in table


def test_leaderboard_goes_into_the_card_block_only(tmp_path: Path) -> None:
    card = tmp_path / "README.md"
    card.write_text(
        f"# Card\n\nby hand\n\n<!-- BEGIN {BLOCK} -->\nold\n<!-- END {BLOCK} -->\n\nafter\n", encoding="utf-8"
    )
    write_leaderboard(card, "| new | table |\n")
    text = card.read_text(encoding="utf-8")
    assert (
        text
        == f"# Card\n\nby hand\n\n<!-- BEGIN {BLOCK} -->\n| new | table |\n<!-- END {BLOCK} -->\n\nafter\n"
    )
    write_leaderboard(card, "| new | table |\n")
    assert card.read_text(encoding="utf-8") == text
    bare = tmp_path / "bare.md"
    bare.write_text("# no block\n", encoding="utf-8")
    with pytest.raises(InputError, match="no <!-- BEGIN leaderboard --> block"):
        write_leaderboard(bare, "| t |\n")


def test_committed_leaderboard_is_what_the_benchmark_prints(tmp_path: Path) -> None:
    """The card's leaderboard is reproducible: a full run prints exactly the committed block."""
    if importlib.util.find_spec("quantulum3") is None:
        pytest.skip("the committed leaderboard includes the quantulum3 peer")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["benchmark", "--no-card", "--out", str(tmp_path / "dataset"),
                       "--seeds", str(ROOT / "seeds" / "articles"),
                       "--annotations", str(ROOT / "seeds" / "annotations" / "gold"),
                       "--changelog", str(ROOT / "CHANGELOG.md")])
    assert status == 0, err.getvalue()
    card = (ROOT / "README.md").read_text(encoding="utf-8")
    begin, end = f"<!-- BEGIN {BLOCK} -->\n", f"<!-- END {BLOCK} -->"
    committed = card[card.index(begin) + len(begin) : card.index(end)]
    assert out.getvalue() == committed, "README.md's leaderboard is stale: run `conflict-counts benchmark`"
