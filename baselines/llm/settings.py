"""The options of ``--baseline llm``, checked before any request so that a typo costs nothing."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from conflict_counts.baselines.registry import Options
from conflict_counts.errors import InputError


@dataclass(frozen=True)
class Settings:
    """How to reach the model: server, model name, key, and the limits of a run."""
    base_url: str
    model: str
    api_key: str  # never printed: __repr__ below leaves it out
    temperature: float = 0.0
    shots: int = 0
    concurrency: int = 4
    timeout: float = 120.0
    max_retries: int = 4
    cache: Path | None = None

    def __repr__(self) -> str:
        return f"Settings(base_url={self.base_url!r}, model={self.model!r}, api_key=<hidden>)"


def _fail(option: str, message: str) -> InputError:
    return InputError.at("command line", None, option, message)


def settings_from(options: Options) -> Settings:
    """Settings from command-line style options (``base_url``, ``model``, ...), or one clear error."""
    base_url = options.get("base_url")
    if not base_url:
        raise _fail("--base-url", "required for --baseline llm (e.g. http://127.0.0.1:8000/v1)")
    parts = urlsplit(str(base_url))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        shown = str(base_url)[:80]
        raise _fail("--base-url", f"expected an http:// or https:// URL, got {shown!r}")
    model = options.get("model")
    if not model:
        raise _fail("--model", "required for --baseline llm (the model name the endpoint serves)")
    variable = str(options.get("api_key_env") or "OPENAI_API_KEY")
    api_key = os.environ.get(variable)
    if not api_key:
        message = f"environment variable {variable} is not set (the API key; any value for a local server)"
        raise _fail("--api-key-env", message)
    def given(name: str) -> object:
        value = options.get(name)
        return getattr(Settings, name) if value is None else value  # the dataclass default

    settings = Settings(
        base_url=str(base_url), model=str(model), api_key=api_key,
        temperature=float(given("temperature")), shots=int(given("shots")),
        concurrency=int(given("concurrency")), timeout=float(given("timeout")),
        max_retries=int(given("max_retries")),
        cache=Path(options["cache"]) if options.get("cache") else None,
    )
    _check_ranges(settings)
    return settings


def _check_ranges(settings: Settings) -> None:
    if not 0.0 <= settings.temperature <= 2.0:
        raise _fail("--temperature", f"expected 0 to 2, got {settings.temperature:g}")
    if settings.shots < 0:
        raise _fail("--shots", f"expected 0 or more, got {settings.shots}")
    if settings.concurrency < 1:
        raise _fail("--concurrency", f"expected 1 or more, got {settings.concurrency}")
    if settings.timeout <= 0:
        raise _fail("--timeout", f"expected seconds > 0, got {settings.timeout:g}")
    if settings.max_retries < 0:
        raise _fail("--max-retries", f"expected 0 or more, got {settings.max_retries}")
    if settings.cache is not None and settings.cache.exists() and not settings.cache.is_dir():
        raise _fail("--cache", f"{settings.cache} exists and is not a folder")
