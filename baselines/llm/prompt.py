"""The prompt and the answer contract of the ``llm`` adapter: versioned, shipped, shown in the card.

The instructions are ``prompt-v{PROMPT_VERSION}.md`` beside this module, written from
ANNOTATION_GUIDELINES.md with invented examples only, so that no article of the corpus
reaches the model through them. Any change to the file's meaning gets a new version:
the version is part of every cache key and of the card, so answers to an old prompt are
never mixed with a new one.

The model answers with :data:`OUTPUT_SCHEMA` (the request's ``json_schema`` response
format); quotes are exact substrings of the text and each list is in text order.
Optional values are required keys that may be null, which is what strict structured
output modes of the common servers ask for.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from conflict_counts.labels import ENTITY_LABELS, PREDICATES, QUALIFIERS
from conflict_counts.records import Document

PROMPT_VERSION = "1"
SCHEMA_NAME = "conflict_counts_annotation"

_NULLABLE_STRING = {"type": ["string", "null"]}
_NULLABLE_NUMBER = {"type": ["number", "null"]}

OUTPUT_SCHEMA: dict = {
    "type": "object",
    "additionalProperties": False,
    "required": ["mentions", "claims"],
    "properties": {
        "mentions": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["text", "label", "entity_id"],
                "properties": {
                    "text": {"type": "string"},
                    "label": {"type": "string", "enum": list(ENTITY_LABELS)},
                    "entity_id": _NULLABLE_STRING,
                },
            },
        },
        "claims": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["text", "low", "high", "qualifier", "predicate", "source_text", "group_id"],
                "properties": {
                    "text": {"type": "string"},
                    "low": _NULLABLE_NUMBER,
                    "high": _NULLABLE_NUMBER,
                    "qualifier": {"type": "string", "enum": list(QUALIFIERS)},
                    "predicate": {"type": "string", "enum": list(PREDICATES)},
                    "source_text": _NULLABLE_STRING,
                    "group_id": _NULLABLE_STRING,
                },
            },
        },
    },
}

LANGUAGE_NAMES = {"sv": "Swedish", "nb": "Norwegian Bokmål", "da": "Danish", "en": "English"}


@cache
def instructions(version: str = PROMPT_VERSION) -> str:
    """The system message: the shipped prompt file of ``version``."""
    return resources.files(__package__).joinpath(f"prompt-v{version}.md").read_text(encoding="utf-8")


def response_format() -> dict:
    """The ``response_format`` that makes the server answer in the output schema."""
    schema = {"name": SCHEMA_NAME, "strict": True, "schema": OUTPUT_SCHEMA}
    return {"type": "json_schema", "json_schema": schema}


def user_message(document: Document) -> str:
    """The user turn for one document: its language and its text."""
    language = LANGUAGE_NAMES.get(document.language, document.language)
    return f"Language: {document.language} ({language})\n\nArticle:\n{document.text}"


def messages(document: Document, shots: list[tuple[Document, str]]) -> list[dict]:
    """System instructions, then each worked example as a user/assistant turn, then the article."""
    turns = [{"role": "system", "content": instructions()}]
    for example, answer in shots:
        turns.append({"role": "user", "content": user_message(example)})
        turns.append({"role": "assistant", "content": answer})
    return [*turns, {"role": "user", "content": user_message(document)}]
