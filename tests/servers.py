"""Throwaway PostgreSQL and Redis servers for tests, each on a free port in a temporary folder.

PostgreSQL refuses to run as root, and CI runs as root: there initdb/pg_ctl
run as Debian's `postgres` user (runuser) in a folder that user owns.  The
binaries are Debian's (/usr/lib/postgresql/<version>/bin) or on PATH.
Redis runs with no persistence.  Where a server is missing, `require` skips
the test on a developer's machine and fails it under CI (CI=true), like the
Chromium test: `.ci/run` installs both (`apt-get install postgresql redis-server`).

A server outlives a test run that is killed (SIGKILL, a CI timeout, a closed terminal): the fixture's
teardown never runs, and pg_ctl's server is a daemon of its own.  So every server has a Reaper, a small
process in a session of its own holding the read end of a pipe whose write end only the test process
holds: when the test process ends, however it ends, the pipe closes and the reaper stops the server and
removes its folder.  A server stopped by its owner releases its reaper first (nothing left to do).
"""

from __future__ import annotations

import glob
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

INSTALL_HINT = "apt-get install postgresql redis-server"


def require(what: str, found: bool) -> None:
    if found:
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{what} not found under CI: .ci/run must install it ({INSTALL_HINT})")
    pytest.skip(f"{what} not found: {INSTALL_HINT}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def postgres_bin() -> Path | None:
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]),
                            reverse=True):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _as_postgres_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


_REAPER = """
import json, shutil, subprocess, sys
if sys.stdin.buffer.read() == b"released":
    sys.exit(0)
for command in json.loads(sys.argv[1]):
    try:
        subprocess.run(command, capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        pass
shutil.rmtree(sys.argv[2], ignore_errors=True)
"""


class Reaper:
    """Runs `commands` and removes `folder` once this process ends, unless release() was called first."""

    def __init__(self, commands: list[list[str]], folder: Path) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", _REAPER, json.dumps(commands), str(folder)],
                                        stdin=subprocess.PIPE, start_new_session=True)

    def release(self) -> None:
        try:
            self.process.stdin.write(b"released")
            self.process.stdin.close()
        except OSError:
            pass
        self.process.wait(timeout=30)


class Postgres:
    """A PostgreSQL cluster of its own: start(), url(database), new_database(), stop()."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="tintuc-pg-"))
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.dir, user.pw_uid, user.pw_gid)
        self.data = self.dir / "data"

    def _run(self, *args: str) -> None:
        subprocess.run(_as_postgres_user([str(self.bindir / args[0]), *args[1:]]), check=True,
                       capture_output=True, timeout=120)

    def start(self) -> Postgres:
        self.reaper = Reaper([_as_postgres_user([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m",
                                                  "immediate", "-w", "stop"])], self.dir)
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "tintuc", "-E", "UTF8", "--no-sync")
        return self.resume()

    def resume(self) -> Postgres:
        """Start the server on its existing data (after halt())."""
        options = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
                   " -c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.dir / "log"), "-w", "start")
        return self

    def halt(self) -> None:
        """Stop the server at once, as a crash would (its data kept: resume() starts it again)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://tintuc@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh empty database; its URL."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as db:
            db.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.reaper.release()


class Redis:
    """A redis-server of its own, no persistence."""

    def __init__(self, binary: str) -> None:
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="tintuc-redis-"))
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.dir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.reaper = Reaper([["kill", str(self.process.pid)]], self.dir)
        self._wait()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def _wait(self) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.dir, ignore_errors=True)
        self.reaper.release()
