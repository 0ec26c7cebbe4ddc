"""``benchmark --system``: model adapters scored next to the baselines, and bad specs refused."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from conflict_counts.cli import main
from conflict_counts.commands.benchmark import parse_system
from conflict_counts.errors import InputError

ROOT = Path(__file__).resolve().parents[2]


def test_adapters_get_rows_next_to_the_baselines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("openai")
    pytest.importorskip("transformers")
    from tests.baselines.chat_server import ChatServer, gold_answers
    from tests.baselines.tiny_encoder import tiny_encoder

    answers = gold_answers()
    model = tiny_encoder(tmp_path / "tiny-bert", [(ROOT / "README.md").read_text(encoding="utf-8")])
    monkeypatch.setenv("BENCH_KEY", "local")
    out, err = io.StringIO(), io.StringIO()
    # The benchmark also runs each system on the contrast items, whose gold this server does
    # not know: it answers those with nothing found (a valid answer, so nothing fails).
    nothing = '{"mentions": [], "claims": []}'
    server = ChatServer(lambda doc_id, attempt, body: (200, answers.get(doc_id, nothing), 0))
    with server, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main([
            "benchmark", "--no-card", "--samples", "0",
            "--seeds", str(ROOT / "seeds" / "articles"),
            "--annotations", str(ROOT / "seeds" / "annotations" / "gold"),
            "--changelog", str(ROOT / "CHANGELOG.md"), "--out", str(tmp_path / "dataset"),
            "--keep", str(tmp_path / "predictions"),
            "--system", f"llm:model=gold-server,base-url={server.base_url},api-key-env=BENCH_KEY,shots=1",
            "--system", f"hf:model={model}",
        ])
    table = out.getvalue()
    assert status == 0, err.getvalue()
    assert "| rules |" in table and "| learned |" in table
    assert "| llm:gold-server | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |" in table
    assert "| hf:tiny-bert | " in table and "| hf:tiny-bert | sv |" in table
    assert "- `llm:gold-server`: gold-server via an OpenAI-compatible endpoint, prompt v1, 1 shots" in table
    assert (tmp_path / "predictions" / "llm-gold-server.jsonl").is_file()
    assert (tmp_path / "predictions" / "hf-tiny-bert.jsonl").is_file()
    assert "llm: 5 documents (0 from cache), 0 failed" in err.getvalue()


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("rules:model=x", "expected one of llm, hf before ':'"),
        ("llm:model", "expected key=value, got 'model'"),
        ("llm:model=m,colour=red", "unknown option 'colour'"),
        ("llm:model=m,shots=two", "invalid int value: 'two'"),
    ],
)
def test_bad_system_specs_are_one_clear_line(spec: str, message: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_system(spec)
    (problem,) = raised.value.problems
    assert problem.field == "--system" and message in problem.message


def test_a_spec_reads_like_the_extract_options() -> None:
    row, name, options = parse_system("llm:model=qwen,base-url=http://127.0.0.1:8000/v1,max_retries=1")
    assert (row, name) == ("llm:qwen", "llm")
    assert options["base_url"] == "http://127.0.0.1:8000/v1" and options["max_retries"] == 1
    assert options["temperature"] is None and options["api_key_env"] is None  # the adapter's defaults apply
