"""A real browser renders a page: headless Chromium takes a screenshot and dumps the DOM it built.

The DOM must hold every gold mention and claim as the highlighted element the page
declares, and the screenshot must show the label colours, so the highlighting is not
only in the markup but on screen. Skipped where Chromium is not installed (Debian:
``apt-get install chromium``; the CI script installs it).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conflict_counts.view import load_predicted, render_site, write_site
from conflict_counts.view.style import DIFF_COLOURS, LABEL_COLOURS
from tests.view.test_render import Elements

CHROMIUM = Path("/usr/bin/chromium") if Path("/usr/bin/chromium").exists() else None
if CHROMIUM is None and shutil.which("chromium"):
    CHROMIUM = Path(shutil.which("chromium"))  # type: ignore[arg-type]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium not found at /usr/bin/chromium (apt-get install chromium)"
)

WIDTH, HEIGHT = 1200, 1600


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}", *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory, gold, prediction) -> Path:
    """The site rendered with the known-different prediction of tests/view/conftest.py."""
    scratch = tmp_path_factory.mktemp("site")
    pred = scratch / "pred.jsonl"
    pred.write_text(json.dumps({k: v for k, v in prediction.items() if not k.startswith("_")}) + "\n",
                    encoding="utf-8")
    write_site(render_site(gold, load_predicted(pred, gold), "pred.jsonl"), scratch / "view")
    return scratch / "view"


def test_screenshot_shows_the_highlighting(site_dir: Path, document, labels, tmp_path: Path) -> None:
    from PIL import Image

    shot = tmp_path / "page.png"
    result = chromium(tmp_path, f"--screenshot={shot}", (site_dir / f"{document.doc_id}.html").as_uri())
    assert shot.is_file(), result.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    assert image.size == (WIDTH, HEIGHT)
    colours = {colour for _, colour in image.getcolors(maxcolors=WIDTH * HEIGHT)}
    shown = {m.label for m in labels.mentions}

    def rgb(hex_colour: str) -> tuple[int, int, int]:
        return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]

    for label in shown:
        assert rgb(LABEL_COLOURS[label]) in colours, f"no {label} highlight on screen"
    assert rgb("#fff3b0") in colours, "no claim highlight on screen"
    assert rgb(DIFF_COLOURS["missed"]) in colours, "the missed mention's outline is not on screen"


def test_rendered_dom_holds_every_highlighted_span(
    site_dir: Path, document, labels, prediction, tmp_path: Path
) -> None:
    result = chromium(tmp_path, "--dump-dom", (site_dir / f"{document.doc_id}.html").as_uri())
    assert "<article" in result.stdout, result.stderr[-2000:]
    dom = Elements(result.stdout)
    assert "".join(dom.article) == document.text
    for mention in labels.mentions:
        classes = dom.by_id[f"m-{mention.start}-{mention.end}"]["class"].split()
        assert {"m", f"m-{mention.label}"} <= set(classes)
    for claim in labels.claims:
        element = dom.by_id[f"c-{claim.start}-{claim.end}"]
        assert "c" in element["class"].split() and claim.qualifier in element["title"]
    missed = prediction["_expected"]["missed"]
    assert "d-missed" in dom.by_id[f"m-{missed['start']}-{missed['end']}"]["class"].split()
    spurious = prediction["_expected"]["spurious"]
    assert "p-spurious" in dom.by_id[f"pm-{spurious['start']}-{spurious['end']}"]["class"].split()


def test_index_renders_with_links_to_every_document(site_dir: Path, gold, tmp_path: Path) -> None:
    result = chromium(tmp_path, "--dump-dom", (site_dir / "index.html").as_uri())
    for doc_id in gold.documents:
        assert f'href="{doc_id}.html"' in result.stdout
