"""The gold folder is validated before anything is scored against it."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conflict_counts.cli import main
from tests.scorer.corpus import gold_frames, gold_predictions, write_gold, write_jsonl


def _score(capsys: pytest.CaptureFixture[str], pred: Path, gold: Path) -> tuple[int, str, str]:
    code = main(["score", "--pred", str(pred), "--gold", str(gold), "--samples", "0"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("damage", ["NaN low of an exact claim", "string offsets", "duplicate document"])
def test_a_damaged_hand_made_gold_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, damage: str
) -> None:
    documents, mentions, claims = gold_frames()
    if damage == "NaN low of an exact claim":
        exact = claims.index[claims["qualifier"] == "exact"][0]
        claims.loc[exact, "low"] = float("nan")
    elif damage == "duplicate document":
        documents = documents.iloc[[0, 0, 1, 2]].reset_index(drop=True)
    gold = write_gold(tmp_path / "gold", documents, mentions, claims)
    if damage == "string offsets":
        path = gold / "mentions.parquet"
        table = pq.read_table(path)
        index = table.schema.get_field_index("start")
        pq.write_table(
            table.set_column(index, "start", pa.array([str(v) for v in table["start"].to_pylist()])), path
        )
    pred = write_jsonl(tmp_path / "pred.jsonl", gold_predictions())
    code, out, err = _score(capsys, pred, gold)
    assert code == 2 and out == "" and "Traceback" not in err
    assert str(gold) in err


def test_an_intact_hand_made_gold_scores_perfectly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    gold = write_gold(tmp_path / "gold", *gold_frames())
    pred = write_jsonl(tmp_path / "pred.jsonl", gold_predictions())
    code, out, _ = _score(capsys, pred, gold)
    assert code == 0
    assert json.loads(out)["claims"]["full"]["f1"] == 1.0
