"""The ``llm`` extractor: any OpenAI-compatible chat-completions endpoint as a model under test.

Each document is one request (instructions, ``--shots`` worked examples from other
documents, the article) with the output schema as ``json_schema`` response format. The
``openai`` client retries 429, 5xx and timeouts with exponential backoff (honouring
``Retry-After``); what still fails, and every answer that is not valid JSON in the schema
or is a refusal, becomes a per-document error: the document gets an empty prediction, the
run goes on, and the summary counts it. Rejected credentials or an unknown model stop the
run instead, since every request would fail the same way.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from conflict_counts.baselines.llm.align import Alignment, align
from conflict_counts.baselines.llm.cache import AnswerCache, cache_key
from conflict_counts.baselines.llm.prompt import OUTPUT_SCHEMA, PROMPT_VERSION, messages, response_format
from conflict_counts.baselines.llm.settings import Settings
from conflict_counts.baselines.llm.shots import ShotPool
from conflict_counts.errors import InputError
from conflict_counts.predictions.writer import document_record
from conflict_counts.records import Document

SHOWN = 80  # characters of a quote or an error shown in the report


class AnswerError(Exception):
    """The endpoint answered, but not with an annotation in the schema."""


@dataclass
class Outcome:
    """One document's answer, or why it has none."""

    alignment: Alignment = field(default_factory=Alignment)
    error: str | None = None
    cached: bool = False
    prompt_tokens: int = 0
    completion_tokens: int = 0


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def parse_answer(content: str | None) -> dict:
    """The JSON answer, checked against the output schema (every violation is one AnswerError)."""
    import jsonschema

    if content is None or not content.strip():
        raise AnswerError("empty answer")
    try:
        answer = json.loads(content)
    except json.JSONDecodeError as error:
        raise AnswerError(f"invalid JSON: {error.msg} (line {error.lineno}, column {error.colno})") from None
    errors = sorted(jsonschema.Draft7Validator(OUTPUT_SCHEMA).iter_errors(answer), key=lambda e: list(e.path))
    if errors:
        where = "/".join(str(p) for p in errors[0].path) or "answer"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise AnswerError(f"not in the output schema: {where}: {_short(errors[0].message)}{more}")
    return answer


class LLMExtractor:
    """An extractor that asks an OpenAI-compatible chat model and aligns its answer to offsets."""
    name = "llm"

    def __init__(self, settings: Settings, shots: ShotPool | None = None) -> None:
        import openai

        self.settings = settings
        self.description = (
            f"{settings.model} via an OpenAI-compatible endpoint, prompt v{PROMPT_VERSION}, "
            f"{settings.shots} shots from other documents, temperature {settings.temperature:g}"
        )
        self.shots = shots
        self.cache = AnswerCache(settings.cache) if settings.cache is not None else None
        self.client = openai.OpenAI(
            base_url=settings.base_url, api_key=settings.api_key,
            timeout=settings.timeout, max_retries=settings.max_retries,
        )
        self.outcomes: list[tuple[str, Outcome]] = []  # (doc_id, outcome) in input order
        self._lock = threading.Lock()

    # -- one document ----------------------------------------------------------------------
    def _request(self, document: Document) -> tuple[str | None, int, int]:
        import openai

        examples = self.shots.for_document(document) if self.shots is not None else []
        try:
            completion = self.client.chat.completions.create(
                model=self.settings.model,
                messages=messages(document, examples),
                temperature=self.settings.temperature,
                response_format=response_format(),
            )
        except (openai.AuthenticationError, openai.PermissionDeniedError) as error:
            raise InputError.at("command line", None, "--api-key-env",
                                f"the endpoint refused the key (HTTP {error.status_code})") from None
        except openai.NotFoundError:
            raise InputError.at("command line", None, "--model",
                                f"the endpoint has no model {self.settings.model!r} (HTTP 404)") from None
        except openai.APITimeoutError:
            raise AnswerError(f"no answer within {self.settings.timeout:g} s "
                              f"({self.settings.max_retries} retries)") from None
        except openai.APIStatusError as error:
            raise AnswerError(f"HTTP {error.status_code} after {self.settings.max_retries} retries") from None
        except openai.APIConnectionError:
            raise AnswerError(f"cannot connect to {self.settings.base_url}") from None
        usage = completion.usage
        prompt_tokens = usage.prompt_tokens if usage is not None else 0
        completion_tokens = usage.completion_tokens if usage is not None else 0
        if not completion.choices:
            raise AnswerError("answer has no choices")
        choice = completion.choices[0]
        if getattr(choice.message, "refusal", None):
            raise AnswerError(f"refused: {_short(choice.message.refusal)}")
        if choice.finish_reason == "length":
            raise AnswerError("answer cut off at the token limit")
        return choice.message.content, prompt_tokens, completion_tokens

    def answer(self, document: Document) -> Outcome:
        """The aligned answer for one document; errors are recorded, never raised (but InputError)."""
        key = cache_key(self.settings.model, PROMPT_VERSION, self.settings.shots, document.text)
        entry = self.cache.get(key) if self.cache is not None else None
        outcome = Outcome(cached=entry is not None)
        try:
            if entry is None:
                content, outcome.prompt_tokens, outcome.completion_tokens = self._request(document)
                answer = parse_answer(content)
                if self.cache is not None:
                    self.cache.put(key, {
                        "model": self.settings.model, "prompt_version": PROMPT_VERSION,
                        "shots": self.settings.shots, "doc_id": document.doc_id, "content": content,
                        "usage": [outcome.prompt_tokens, outcome.completion_tokens],
                    })
            else:
                answer = parse_answer(entry["content"])
            outcome.alignment = align(document.text, answer)
        except AnswerError as error:
            outcome.error = str(error)
        return outcome

    # -- the extractor ------------------------------------------------------------------------
    def predict(self, documents: Iterable[Document]) -> Iterator[dict]:
        """One prediction line a document; a failed one gets a line without labels (see :meth:`report`)."""
        batch = list(documents)
        with ThreadPoolExecutor(max_workers=self.settings.concurrency) as pool:
            for document, outcome in zip(batch, pool.map(self.answer, batch), strict=True):
                self.outcomes.append((document.doc_id, outcome))
                alignment = outcome.alignment
                yield document_record(document, alignment.mentions, alignment.claims)

    def report(self) -> list[str]:
        """One line a document with a problem: its error, or the quotes that had to be dropped."""
        lines = []
        for doc_id, outcome in self.outcomes:
            if outcome.error is not None:
                lines.append(f"llm: {doc_id}: failed: {outcome.error}")
            if outcome.alignment.unaligned:
                quotes = ", ".join(repr(_short(q)) for q in outcome.alignment.unaligned)
                count = len(outcome.alignment.unaligned)
                lines.append(f"llm: {doc_id}: {count} quotes not in the text: {quotes}")
            if outcome.alignment.invalid:
                quotes = ", ".join(repr(_short(q)) for q in outcome.alignment.invalid)
                lines.append(f"llm: {doc_id}: {len(outcome.alignment.invalid)} claims with an interval "
                             f"that does not fit the qualifier: {quotes}")
        return lines

    def totals(self) -> dict[str, int]:
        """Counts of the run so far (documents, cached, failed, tokens) for the summary line."""
        outcomes = [o for _, o in self.outcomes]
        return {
            "documents": len(outcomes),
            "failed": sum(o.error is not None for o in outcomes),
            "cached": sum(o.cached for o in outcomes),
            "unaligned": sum(len(o.alignment.unaligned) for o in outcomes),
            "invalid": sum(len(o.alignment.invalid) for o in outcomes),
            "prompt_tokens": sum(o.prompt_tokens for o in outcomes),
            "completion_tokens": sum(o.completion_tokens for o in outcomes),
        }

    def summary(self) -> str:
        """One line on stderr after a run: what was asked, answered, cached and failed."""
        t = self.totals()
        line = (
            f"llm: {t['documents']} documents ({t['cached']} from cache), {t['failed']} failed, "
            f"{t['unaligned']} unaligned quotes, {t['invalid']} claims with an invalid interval, "
            f"{t['prompt_tokens'] + t['completion_tokens']} tokens "
            f"({t['prompt_tokens']} prompt, {t['completion_tokens']} completion)"
        )
        return "\n".join([*self.report(), line])
