"""The page frame and the small naming helpers every page shares."""

from __future__ import annotations

import html

from conflict_counts.records import Claim, Mention
from conflict_counts.view.style import CSS

LANGUAGE_NAMES = {"sv": "Swedish", "nb": "Norwegian Bokmål", "en": "English"}
KIND_HELP = {
    "correct": "matches the gold",
    "wrong": "matched a gold item but a field differs",
    "missed": "gold item with no prediction",
    "spurious": "prediction with no gold item",
}


def h(value: object) -> str:
    """Escape for HTML text and attribute values alike."""
    return html.escape(str(value), quote=True)


def page_name(doc_id: str) -> str:
    """The file name of a document's page."""
    return f"{doc_id}.html"


def mention_id(mention: Mention) -> str:
    """The element id of a mention: stable across builds, so links to it keep working."""
    return f"m-{mention.start}-{mention.end}"


def claim_id(claim: Claim) -> str:
    """The element id of a claim: stable across builds, so links to it keep working."""
    return f"c-{claim.start}-{claim.end}"


def page(title: str, lang: str, body: str, wide: bool = False) -> str:
    """A complete, self-contained HTML document (inline CSS, no script, no external URL)."""
    main = '<main class="wide">' if wide else "<main>"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{h(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{h(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n{main}\n{body}\n</main>\n</body>\n</html>\n"
    )
