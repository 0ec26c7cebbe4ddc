"""``extract --baseline hf``: a tiny token classifier built in a fixture, through the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("transformers")
pytest.importorskip("torch")

from conflict_counts.baselines.training import GoldData
from conflict_counts.cli import main
from conflict_counts.scorer.api import score
from tests.baselines.tiny_encoder import tiny_encoder

DATASET = Path(__file__).resolve().parents[2] / "dataset"
TEXT = "I går flydde minst 100 fångar från al-Hol.\nEnligt SDF greps 89 av dem, skriver SDF."
RULES = {"minst": "B-NUM", "100": "I-NUM", "89": "B-NUM", "al": "B-FAC", "-": "I-FAC", "Hol": "I-FAC",
         "SDF": "B-ORG"}


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    return [str(t) for t in GoldData.load(DATASET).documents["text"]]


@pytest.fixture(scope="module")
def rule_model(tmp_path_factory: pytest.TempPathFactory, corpus: list[str]) -> Path:
    return tiny_encoder(tmp_path_factory.mktemp("rule-model"), corpus, RULES)


@pytest.fixture(scope="module")
def random_model(tmp_path_factory: pytest.TempPathFactory, corpus: list[str]) -> Path:
    return tiny_encoder(tmp_path_factory.mktemp("random-model"), corpus)


def extract(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    status = main(["extract", "--gold", str(DATASET), "--baseline", "hf", *argv])
    return status, capsys.readouterr().err


def test_the_tokenizer_keeps_case_and_diacritics(rule_model: Path) -> None:
    from transformers import AutoTokenizer

    tokens = AutoTokenizer.from_pretrained(str(rule_model)).tokenize(TEXT)
    assert "[UNK]" not in tokens
    assert "SDF" in tokens and "från" in tokens


def test_known_words_map_to_known_offsets(
    rule_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"doc_id": "x", "text": TEXT, "language": "sv"}) + "\n", encoding="utf-8")
    out = tmp_path / "hf.jsonl"
    status, err = extract(capsys, "--model", str(rule_model), "--input", str(source), "--out", str(out))
    assert status == 0, err
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    second = TEXT.index("\n") + 1
    sdf = [TEXT.index("SDF"), TEXT.rindex("SDF")]
    assert [(m["start"], m["end"], m["label"]) for m in record["mentions"]] == [
        (TEXT.index("al-Hol"), TEXT.index("al-Hol") + 6, "FAC"),
        (sdf[0], sdf[0] + 3, "ORG"),
        (sdf[1], sdf[1] + 3, "ORG"),
    ]
    assert sdf[0] > second  # offsets of the second sentence are shifted by its start
    claims = [(c["text"], c["start"], c["low"], c["high"], c["qualifier"]) for c in record["claims"]]
    assert claims == [
        ("minst 100", TEXT.index("minst 100"), 100.0, None, "at_least"),
        ("89", TEXT.index("89"), 89.0, 89.0, "exact"),
    ]
    assert all(TEXT[m["start"] : m["end"]] == m["text"] for m in record["mentions"] + record["claims"])
    assert "hf: 0 NUM spans not read as numbers" in err


def test_a_random_model_runs_on_the_dataset_and_its_file_scores(
    random_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "hf.jsonl"
    status, err = extract(capsys, "--model", str(random_model), "--out", str(out))
    assert status == 0, err
    report = score(out, DATASET, samples=0)
    assert report["meta"]["documents"] == 5
    assert 0.0 <= report["entities"]["strict"]["f1"] < 1.0


def test_bad_model_folders_give_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "hf.jsonl"
    sequence = tmp_path / "sequence"
    sequence.mkdir()
    (sequence / "config.json").write_text(json.dumps({"architectures": ["BertForSequenceClassification"]}))
    unlabelled = tmp_path / "unlabelled"
    unlabelled.mkdir()
    (unlabelled / "config.json").write_text(json.dumps(
        {"architectures": ["BertForTokenClassification"], "id2label": {"0": "LABEL_0", "1": "LABEL_1"}}))
    cases = [
        ([], "--model: required for --baseline hf"),
        (["--model", str(tmp_path / "absent")], "no such folder"),
        (["--model", str(tmp_path)], "no config.json"),
        (["--model", str(sequence)], "not a token-classification model (architectures: "
                                     "BertForSequenceClassification)"),
        (["--model", str(unlabelled)], "labels LABEL_0, LABEL_1 include none of PER"),
    ]
    for options, message in cases:
        status, err = extract(capsys, *options, "--out", str(out))
        assert status == 2
        assert err.count("\n") == 1 and message in err, err
        assert not out.exists()
