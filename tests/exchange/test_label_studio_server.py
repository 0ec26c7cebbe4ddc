"""A real Label Studio (own venv, SQLite, 127.0.0.1) takes the tasks and gives back the same annotations.

The server, the project with the generated configuration, the task import (annotations and
predictions) and the JSON export go through ``scripts/label_studio_round_trip.py`` under the
``annotate`` venv's interpreter; this test then imports the export back and compares.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

INSTALL = "python3 -m venv .venv-annotate && .venv-annotate/bin/pip install -q -e '.[annotate]'"
ARTICLE = "SDF said on Monday that 20 guards were killed 😀 at the al-Hol camp.\r\n\r\nAFP reported it.\r\n"


def label_studio_python() -> str:
    """An interpreter with Label Studio and its SDK, or skip saying how to get one."""
    candidates = [os.environ.get("CONFLICT_COUNTS_LABEL_STUDIO_PYTHON"),
                  str(ROOT / ".venv-annotate/bin/python"), sys.executable]
    for python in filter(None, candidates):
        if Path(python).is_file() and subprocess.run(
            [python, "-c", "import label_studio, label_studio_sdk"], capture_output=True
        ).returncode == 0:
            return python
    pytest.skip(f"Label Studio is not installed (the annotate extra): {INSTALL}")


def test_label_studio_round_trip(run_cli, tmp_path: Path) -> None:
    python = label_studio_python()
    sets = ("--annotations", str(ROOT / "seeds/annotations"), "--seeds", str(ROOT / "seeds/articles"))
    gold = tmp_path / "gold"
    assert run_cli("export", "--format", "label-studio", "--set", "gold", "--out", str(gold), *sets)[0] == 0
    checkout = tmp_path / "checkout"  # a new article, pre-annotated by add-article
    for part in ("seeds", "dataset"):
        shutil.copytree(ROOT / part, checkout / part)
    (tmp_path / "article.txt").write_bytes(ARTICLE.encode("utf-8"))
    code, _, err = run_cli("add-article", str(tmp_path / "article.txt"), "--lang", "en",
                           "--seeds", str(checkout / "seeds/articles"),
                           "--gold", str(ROOT / "seeds/annotations/gold"),
                           "--dataset", str(checkout / "dataset"), "--out", str(tmp_path / "new"))
    assert (code, err) == (0, "")
    new = tmp_path / "new" / "label-studio"

    back = tmp_path / "back"
    script = ROOT / "scripts" / "label_studio_round_trip.py"
    result = subprocess.run([python, str(script), str(gold / "tasks.json"), str(new / "tasks.json"),
                             "--out", str(back)], capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stderr[-3000:]

    # The gold, exported by Label Studio and imported back: the same YAML byte for byte.
    (gold / "tasks.json").unlink()
    shutil.copy(back / "gold.json", gold / "gold.json")
    code, _, err = run_cli("import", "--format", "label-studio", str(gold), "--set", "gold",
                           "--annotations", str(tmp_path / "sets"), "--seeds", str(ROOT / "seeds/articles"))
    assert (code, err) == (0, "")
    for path in sorted((ROOT / "seeds/annotations/gold").iterdir()):
        assert (tmp_path / "sets/gold" / path.name).read_bytes() == path.read_bytes(), path.name

    # The new article: the text as sent (CRLF, a non-BMP character), the predictions as sent,
    # and no gold until someone submits an annotation.
    [sent] = json.loads((new / "tasks.json").read_text(encoding="utf-8"))
    [task] = json.loads((back / "label-studio.json").read_text(encoding="utf-8"))
    assert task["data"] == sent["data"] and "\r\n" in task["data"]["text"]
    stored = json.loads((back / "label-studio.predictions.json").read_text(encoding="utf-8"))
    assert stored == {sent["data"]["doc_id"]: [sent["predictions"][0]["result"]]}
    (new / "tasks.json").unlink()
    shutil.copy(back / "label-studio.json", new / "export.json")
    code, _, err = run_cli("import", "--format", "label-studio", str(new), "--set", "gold", "--seeds",
                           str(checkout / "seeds/articles"), "--annotations", str(tmp_path / "sets"))
    assert code == 2 and "expected one annotation, found 0" in err
