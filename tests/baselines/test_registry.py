"""The extractor registry: the recipe in its docstring runs, and a factory of one's own plugs in."""

from __future__ import annotations

import doctest
import json
import sys
from pathlib import Path

import pytest

from conflict_counts.baselines import registry
from conflict_counts.cli import main

DATASET = Path(__file__).resolve().parents[2] / "dataset"

OWN_MODULE = '''
from conflict_counts.records import Claim
from conflict_counts.predictions.writer import document_record

class EveryFirstWord:
    name, description = "first-word", "the first word of each document as an ORG"
    def predict(self, documents):
        from conflict_counts.records import Mention
        for document in documents:
            end = len(document.text.split(" ")[0])
            yield document_record(document, [Mention(0, end, "ORG")] if end else [], [])

def make():
    return EveryFirstWord()

not_an_extractor = dict
'''


def test_the_recipe_in_the_docstring_runs() -> None:
    result = doctest.testmod(registry, raise_on_error=False)
    assert result.attempted >= 5
    assert result.failed == 0
    assert "capitals" not in registry.BASELINES


def test_a_name_is_registered_once() -> None:
    existing = registry.BASELINES["rules"]
    with pytest.raises(ValueError, match="taken"):
        registry.register(existing)


@pytest.fixture
def own_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    (tmp_path / "my_extractor.py").write_text(OWN_MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield "my_extractor"
    sys.modules.pop("my_extractor", None)


def test_extract_runs_a_factory_of_ones_own(
    own_module: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "own.jsonl"
    status = main(["extract", "--gold", str(DATASET), "--baseline", f"{own_module}:make", "--out", str(out)])
    assert status == 0, capsys.readouterr().err
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    assert all(r["mentions"][0]["start"] == 0 for r in records)
    assert main(["score", "--pred", str(out), "--gold", str(DATASET), "--samples", "0"]) == 0


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("no_such_module_here:make", "cannot import 'no_such_module_here'"),
        ("my_extractor:absent", "has no callable 'absent'"),
        ("my_extractor:not_an_extractor", "returned dict, which has no predict(documents)"),
        ("nonsense", "unknown baseline 'nonsense'"),
    ],
)
def test_bad_factories_give_one_line(
    own_module: str, spec: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "own.jsonl"
    status = main(["extract", "--gold", str(DATASET), "--baseline", spec, "--out", str(out)])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and message in err, err
    assert not out.exists()


CARD = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
SECTION = CARD[CARD.index("## Benchmark your model") : CARD.index("## Datasheet")]


def test_the_cards_python_recipe_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = SECTION.split("**Your own code**")[1].split("```python\n")[1].split("```")[0]
    monkeypatch.chdir(tmp_path)
    try:
        exec(code.replace('"dataset"', repr(str(DATASET))), {})
    finally:
        registry.BASELINES.pop("mine", None)
    lines = (tmp_path / "mine.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 5 and all(r["mentions"][0]["end"] == 3 for r in records)


def test_the_card_shows_the_prompt_version_and_the_output_schema() -> None:
    from conflict_counts.baselines.llm.prompt import OUTPUT_SCHEMA, PROMPT_VERSION

    assert f"**prompt version {PROMPT_VERSION}**" in SECTION
    assert f"(baselines/llm/prompt-v{PROMPT_VERSION}.md)" in SECTION
    schema = SECTION.split("```json\n")[1].split("```")[0]
    for part in ("mentions", "claims"):
        for key in OUTPUT_SCHEMA["properties"][part]["items"]["properties"]:
            assert f'"{key}"' in schema


def test_adapter_options_are_refused_for_a_baseline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rules.jsonl"
    argv = ["extract", "--gold", str(DATASET), "--baseline", "rules", "--shots", "2", "--out", str(out)]
    status = main(argv)
    err = capsys.readouterr().err
    assert status == 2 and not out.exists()
    expected = "--shots: applies to the model adapters (--baseline llm or hf), not to rules"
    assert err == f"error: command line: {expected}\n"
