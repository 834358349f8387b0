"""The scale-out recipe in ``deploy/`` run as shipped: app instances started with the systemd
unit's command and the settings of the example environment file, on one PostgreSQL
database, behind Debian's nginx with the shipped site configuration (only the addresses
changed to free ports on 127.0.0.1)."""

from __future__ import annotations

import os
import re
import secrets
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
INSTALLED = "/opt/procurement"  # where the unit expects the checkout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def unit_command(port: int) -> list[str]:
    """The unit's ExecStart for instance ``port``, with the checkout where the tests run."""
    unit = (DEPLOY / "systemd" / "procurement@.service").read_text(encoding="utf-8")
    (line,) = re.findall(r"^ExecStart=(.+)$", unit, flags=re.MULTILINE)
    command = shlex.split(line.replace("%i", str(port)))
    command[0] = str(Path(sys.executable).parent / Path(command[0]).name)
    assert command[0].endswith("/streamlit") and line.startswith(f"{INSTALLED}/.venv/bin/")
    return command


def environment(database_url: str) -> dict[str, str]:
    """The example environment file's settings, each given a real value."""
    names = re.findall(r"^([A-Z_]+)=", (DEPLOY / "procurement.env.example").read_text(
        encoding="utf-8"), flags=re.MULTILINE)
    values = {"PROCUREMENT_DATABASE_URL": database_url,
              "PROCUREMENT_SESSION_SECRET": secrets.token_hex(32),
              "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32),
              "PROCUREMENT_SESSION_HOURS": "12"}
    assert sorted(names) == sorted(values), names
    return values


def nginx_site(ports: list[int], listen: int) -> str:
    """The shipped site configuration with the test's addresses."""
    site = (DEPLOY / "nginx" / "procurement.conf").read_text(encoding="utf-8")
    servers = re.findall(r"^\s*server 127\.0\.0\.1:\d+;$", site, flags=re.MULTILINE)
    assert len(servers) == len(ports)
    for line, port in zip(servers, ports, strict=True):
        site = site.replace(line, re.sub(r":\d+;", f":{port};", line), 1)
    site = site.replace("    listen 80;\n", f"    listen 127.0.0.1:{listen};\n")
    return site.replace("    listen [::]:80;\n", "")


def wait_for(url: str, process: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} stopped (exit code {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{what} did not start")


@dataclass
class Stack:
    """Two app instances ("a" and "b") behind nginx, on one PostgreSQL database."""

    url: str
    database_url: str
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def instance_of(self, route: str) -> str:
        request = urllib.request.Request(f"{self.url}/_procure/instance",
                                         headers={"Cookie": f"procure_route={route}"})
        with urllib.request.urlopen(request, timeout=5) as answer:
            return str(answer.read().decode())

    def routes(self) -> dict[str, str]:
        """A route cookie value that nginx sends to each instance."""
        found: dict[str, str] = {}
        for number in range(500):
            found.setdefault(self.instance_of(f"route-{number}"), f"route-{number}")
            if len(found) == 2:
                return found
        raise AssertionError(f"nginx sent every route to {sorted(found)}")


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx",) if Path(path).exists()), None)


def create_database(admin_url: str) -> str:
    name = f"procure_scaleout_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_database(admin_url: str, database_url: str) -> None:
    name = make_url(database_url).database
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def run_stack(database_url: str, folder: Path) -> Iterator[Stack]:
    nginx = nginx_binary()
    assert nginx is not None
    ports = [free_port(), free_port()]
    listen = free_port()
    env = {**os.environ, **environment(database_url)}
    env.pop("PROCUREMENT_DB", None)
    stack = Stack(f"http://127.0.0.1:{listen}", database_url)
    logs = [(folder / f"instance-{name}.log").open("wb") for name in "ab"]
    try:
        for name, port, log in zip("ab", ports, logs, strict=True):
            stack.processes.append(subprocess.Popen(
                unit_command(port), cwd=ROOT, env={**env, "PROCUREMENT_INSTANCE": name},
                stdout=log, stderr=subprocess.STDOUT))
        (folder / "procurement.conf").write_text(nginx_site(ports, listen), encoding="utf-8")
        for temporary in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (folder / temporary).mkdir()
        (folder / "nginx.conf").write_text(
            f"pid {folder}/nginx.pid;\nerror_log {folder}/error.log;\nevents {{}}\n"
            f"http {{\n  access_log {folder}/access.log;\n"
            + "".join(f"  {kind}_temp_path {folder}/{kind};\n"
                      for kind in ("fastcgi", "uwsgi", "scgi"))
            + f"  client_body_temp_path {folder}/body;\n  proxy_temp_path {folder}/proxy;\n"
            f"  include {folder}/procurement.conf;\n}}\n", encoding="utf-8")
        check = subprocess.run([nginx, "-t", "-p", str(folder), "-c", str(folder / "nginx.conf")],
                               capture_output=True, text=True, check=False)
        assert check.returncode == 0, check.stderr
        stack.processes.append(subprocess.Popen(
            [nginx, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for process, port in zip(stack.processes, ports, strict=False):
            wait_for(f"http://127.0.0.1:{port}/_stcore/health", process, "an app instance")
        wait_for(f"{stack.url}/_stcore/health", stack.processes[-1], "nginx")
        yield stack
    finally:
        for process in reversed(stack.processes):
            process.terminate()
        for process in stack.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs:
            log.close()
