"""Send exported tasks through a real Label Studio and back: its own server, SQLite, loopback only.

Run it with the interpreter of a venv that has the ``annotate`` extra (Label Studio pins older
numpy and pyarrow than the test venv, so it lives apart):

    python3 -m venv .venv-annotate && .venv-annotate/bin/pip install -q -e '.[annotate]'
    conflict-counts export --format label-studio --set gold --out /tmp/ls-gold
    .venv-annotate/bin/python scripts/label_studio_round_trip.py /tmp/ls-gold/tasks.json --out /tmp/ls-back

For every tasks file it creates a project with the folder's ``config.xml`` through
``label-studio-sdk``, imports the tasks (annotations and predictions), and writes Label
Studio's JSON export to ``OUT/<folder>.json`` and the stored predictions to
``OUT/<folder>.predictions.json``; ``conflict-counts import`` reads the former back. The
server runs on 127.0.0.1 with a temporary data folder and no telemetry, update check or
other network use, and is stopped at the end. Timings go to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

USER = "annotator@example.org"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(data: Path, port: int, token: str, timeout: float) -> subprocess.Popen:
    executable = Path(sys.executable).with_name("label-studio")
    env = dict(os.environ, LABEL_STUDIO_BASE_DATA_DIR=str(data), DJANGO_DB="sqlite",
               LATEST_VERSION_CHECK="false", COLLECT_ANALYTICS="false", SENTRY_DSN="",
               FRONTEND_SENTRY_DSN="", LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN="true")
    log = (data / "server.log").open("w")
    server = subprocess.Popen(
        [str(executable), "start", "--no-browser", "--internal-host", "127.0.0.1", "-p", str(port),
         "--data-dir", str(data), "--username", USER, "--password", secrets.token_hex(8),
         "--user-token", token, "--enable-legacy-api-token"],
        env=env, stdout=log, stderr=subprocess.STDOUT, cwd=data,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"label-studio exited ({server.returncode}); see {data / 'server.log'}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                if response.status == 200:
                    return server
        except OSError:
            pass
        time.sleep(0.5)
    stop(server)
    raise SystemExit(f"label-studio did not answer within {timeout:.0f} s")


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def round_trip(client, tasks_file: Path, out: Path) -> dict[str, float]:
    """One project: create with the folder's configuration, import, export."""
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    config = (tasks_file.parent / "config.xml").read_text(encoding="utf-8")
    name = tasks_file.parent.name  # gold/, or label-studio/ of an add-article folder
    started = time.perf_counter()
    project = client.projects.create(title=name, label_config=config)
    client.projects.import_tasks(id=project.id, request=tasks)
    imported = time.perf_counter()
    exported = client.projects.exports.as_json(project.id)
    predictions = {
        task["data"]["doc_id"]: [p.result for p in client.predictions.list(task=task["id"])]
        for task in exported
    }
    done = time.perf_counter()
    (out / f"{name}.json").write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    stored = json.dumps(predictions, ensure_ascii=False)
    (out / f"{name}.predictions.json").write_text(stored, encoding="utf-8")
    return {"tasks": len(tasks), "import_s": imported - started, "export_s": done - imported}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tasks", nargs="+", type=Path,
                        help="tasks.json of export folders (beside config.xml)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the exports (created)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds to wait for the server")
    args = parser.parse_args()
    from label_studio_sdk import LabelStudio

    args.out.mkdir(parents=True, exist_ok=True)
    data = Path(tempfile.mkdtemp(prefix="label-studio-"))
    token, port = secrets.token_hex(20), free_port()
    started = time.perf_counter()
    server = start_server(data, port, token, args.timeout)
    print(f"label-studio {port}: up in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    try:
        client = LabelStudio(base_url=f"http://127.0.0.1:{port}", api_key=token)
        for tasks_file in args.tasks:
            figures = round_trip(client, tasks_file, args.out)
            print(f"{tasks_file.parent.name}: {figures['tasks']} task(s), "
                  f"import {figures['import_s']:.2f} s, export {figures['export_s']:.2f} s", file=sys.stderr)
    finally:
        stop(server)
        shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
