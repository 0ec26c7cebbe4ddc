"""A real OpenAI-compatible server on 127.0.0.1 for the ``llm`` adapter's tests.

It implements ``POST /v1/chat/completions``, records every request it receives (body and
headers), and answers as the test scripts it: ``script(document_id, attempt, request)``
returns ``(status, body, delay_seconds)``, where the body is the assistant message's
content (a string) for status 200 and an error object otherwise. The document is found
by which dataset text the last user message contains, independently of the adapter's
prompt wording; the gold answer is built here from the Parquet tables, not by the
adapter's own code.
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd

Reply = tuple[int, object, float]  # status, content (200) or error body, delay before answering
Script = Callable[[str | None, int, dict], Reply]

DATASET = Path(__file__).resolve().parents[2] / "dataset"


def _null(value: object) -> object:
    return None if pd.isna(value) else value


def gold_answers(dataset: Path = DATASET) -> dict[str, str]:
    """doc_id → the gold annotation of that document in the adapter's output schema."""
    mentions = pd.read_parquet(dataset / "mentions.parquet").sort_values(["doc_id", "start"])
    claims = pd.read_parquet(dataset / "claims.parquet").sort_values(["doc_id", "start"])
    documents = pd.read_parquet(dataset / "documents.parquet")
    answers = {}
    for doc_id in documents["doc_id"]:
        answer = {
            "mentions": [
                {"text": row.text, "label": row.label, "entity_id": _null(row.entity_id)}
                for row in mentions[mentions["doc_id"] == doc_id].itertuples()
            ],
            "claims": [
                {"text": row.text, "low": _null(row.low), "high": _null(row.high), "qualifier": row.qualifier,
                 "predicate": row.predicate, "source_text": _null(row.source_text),
                 "group_id": _null(row.group_id)}
                for row in claims[claims["doc_id"] == doc_id].itertuples()
            ],
        }
        answers[doc_id] = json.dumps(answer, ensure_ascii=False)
    return answers


def document_texts(dataset: Path = DATASET) -> dict[str, str]:
    documents = pd.read_parquet(dataset / "documents.parquet")
    return dict(zip(documents["doc_id"], documents["text"], strict=True))


@dataclass
class ChatServer:
    script: Script
    texts: dict[str, str] = field(default_factory=document_texts)
    requests: list[dict] = field(default_factory=list)  # {"doc_id", "body", "headers"}
    attempts: dict[str | None, int] = field(default_factory=lambda: defaultdict(int))

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def document_of(self, body: dict) -> str | None:
        last = body["messages"][-1]["content"]
        found = [doc_id for doc_id, text in self.texts.items() if text in last]
        return max(found, key=lambda d: len(self.texts[d])) if found else None

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                if self.path != "/v1/chat/completions":
                    self._send(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
                    return
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                doc_id = server.document_of(body)
                with server._lock:
                    attempt = server.attempts[doc_id]
                    server.attempts[doc_id] += 1
                    headers = {k.lower(): v for k, v in self.headers.items()}
                    server.requests.append({"doc_id": doc_id, "body": body, "headers": headers})
                status, content, delay = server.script(doc_id, attempt, body)
                if delay:
                    time.sleep(delay)
                if status != 200:
                    self._send(status, content, {"retry-after-ms": "1"})
                    return
                message = content if isinstance(content, dict) else {"role": "assistant", "content": content}
                self._send(200, {
                    "id": f"chatcmpl-{len(server.requests)}", "object": "chat.completion",
                    "created": 0, "model": body["model"],
                    "choices": [{"index": 0, "message": {"role": "assistant", **message},
                                 "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110},
                })

            def _send(self, status: int, payload: object, headers: dict | None = None) -> None:
                data = json.dumps(payload).encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for key, value in (headers or {}).items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

        return Handler

    def __enter__(self) -> ChatServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
