"""The throwaway servers of the tests do not outlive a test run that is killed.

A test process starts a real PostgreSQL cluster and a real redis-server through tests/servers.py, as the
session fixtures do, and is then SIGKILLed: no teardown runs.  Each server's reaper must stop it and remove
its folder.  Before, three PostgreSQL clusters of killed runs were found still running hours later.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import servers

TESTS = Path(__file__).resolve().parent

STARTER = """
import json, shutil, sys, time
import servers
pg = servers.Postgres(servers.postgres_bin()).start()
redis = servers.Redis(shutil.which("redis-server") or "/usr/bin/redis-server")
print(json.dumps({"pg_port": pg.port, "pg_dir": str(pg.dir), "redis_port": redis.port, "redis_dir": str(redis.dir)}),
      flush=True)
time.sleep(600)
"""


def listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def redis_binary() -> str | None:
    return shutil.which("redis-server") or ("/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None)


def wait_until(condition, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def test_servers_of_a_killed_test_process_are_stopped_and_their_folders_removed():
    servers.require("PostgreSQL (initdb, pg_ctl)", servers.postgres_bin() is not None)
    servers.require("redis-server", redis_binary() is not None)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]))
    starter = subprocess.Popen([sys.executable, "-c", STARTER], stdout=subprocess.PIPE, env=env, text=True)
    try:
        started = json.loads(starter.stdout.readline())
        assert listening(started["pg_port"]) and listening(started["redis_port"])
        assert Path(started["pg_dir"]).is_dir() and Path(started["redis_dir"]).is_dir()
    finally:
        starter.send_signal(signal.SIGKILL)
        starter.wait()
    assert wait_until(lambda: not listening(started["pg_port"]) and not listening(started["redis_port"])), \
        "a server of the killed process is still listening"
    assert wait_until(lambda: not Path(started["pg_dir"]).exists() and not Path(started["redis_dir"]).exists())


def test_a_server_stopped_by_its_owner_releases_its_reaper():
    servers.require("redis-server", redis_binary() is not None)
    redis = servers.Redis(redis_binary())
    assert redis.reaper.process.poll() is None  # armed while the server runs
    redis.stop()
    assert redis.reaper.process.poll() == 0
    assert not listening(redis.port) and not redis.dir.exists()
