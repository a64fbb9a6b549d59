"""SPARQL servers started on 127.0.0.1 for the tests: `oxigraph serve` and Virtuoso (Debian
`virtuoso-opensource`), each in a temporary directory on free ports, stopped afterwards."""
from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str, proc: subprocess.Popen, what: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"{what} exited: {(proc.stderr.read() or b'').decode()[-500:]}")
            time.sleep(0.1)
    pytest.fail(f"{what} did not answer {url} within {seconds:.0f} s")


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@contextmanager
def oxigraph_server(directory: Path):
    """Yields the query URL of an `oxigraph serve` on a new database in `directory`."""
    exe = Path(sys.executable).parent / "oxigraph"
    exe = str(exe) if exe.exists() else shutil.which("oxigraph")
    if exe is None:
        pytest.skip("the oxigraph server (PyPI package 'oxigraph') is not installed")
    port = free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(directory / "db"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base + "/query?query=ASK%7B%7D", proc, "oxigraph serve", 20)
        yield base + "/query"
    finally:
        _stop(proc)


@contextmanager
def virtuoso_server(directory: Path):
    """Yields the /sparql URL (queries and updates) of a Virtuoso on a new database in `directory`, with
    SPARQL Update granted to the anonymous SPARQL user."""
    exe, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if exe is None or isql is None or not VIRTUOSO_INI.exists():
        pytest.skip("Virtuoso is not installed (Debian package 'virtuoso-opensource')")
    sql_port, http_port = free_port(), free_port()
    ini = VIRTUOSO_INI.read_text(encoding="utf-8")
    ini = ini.replace("/var/lib/virtuoso-opensource-7/db", str(directory))
    ini = re.sub(r"(?m)^ServerPort\s*=\s*1111\b.*$", f"ServerPort = 127.0.0.1:{sql_port}", ini)
    ini = re.sub(r"(?m)^ServerPort\s*=\s*8890\b.*$", f"ServerPort = 127.0.0.1:{http_port}", ini)
    (directory / "virtuoso.ini").write_text(ini, encoding="utf-8")
    proc = subprocess.Popen([exe, "+foreground", "+configfile", str(directory / "virtuoso.ini")], cwd=directory,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{http_port}/sparql"
    try:
        _wait(url + "?query=ASK%7B%7D", proc, "virtuoso-t", 120)
        grant = subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba",
                                'exec=grant SPARQL_UPDATE to "SPARQL";'], check=False, capture_output=True, text=True,
                               timeout=60)
        assert grant.returncode == 0 and "Error" not in grant.stdout + grant.stderr, grant.stdout + grant.stderr
        yield url
    finally:
        _stop(proc)
