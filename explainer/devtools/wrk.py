"""wrk, the HTTP load generator: its Lua scripts (in lua/) and its JSON report."""

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.core.management.base import CommandError

from .loopback import FORWARDED_HTTPS

LUA_DIR = Path(__file__).resolve().parent / "lua"
RESULT_MARKER = "benchsite-result "


def lua_script(name, claims_api_path):
    """A wrk script: the shared report function, then the script's own."""
    report = (LUA_DIR / "report.lua").read_text().replace("__MARKER__", RESULT_MARKER)
    return report + (LUA_DIR / name).read_text().replace("__API__", claims_api_path)


def find_wrk():
    path = shutil.which("wrk")
    if path is None:
        raise CommandError(
            "wrk is not installed: it measures throughput and latency. Install it with "
            "`apt-get install wrk` (Debian and Ubuntu) and run benchsite again."
        )
    return path


@dataclass
class WrkResult:
    seconds: float
    requests: int
    errors: dict
    latency_us: dict
    statuses: dict
    sent: dict

    @property
    def requests_per_second(self):
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def socket_errors(self):
        return sum(self.errors.get(name, 0) for name in ("connect", "read", "write", "timeout"))


class Wrk:
    def __init__(self, executable, script_dir, claims_api_path, threads=2):
        self.executable, self.threads = executable, threads
        self.single_url_script = Path(script_dir) / "single-url.lua"
        self.single_url_script.write_text(lua_script("single-url.lua", claims_api_path))
        self.load_test_script = Path(script_dir) / "load-test.lua"
        self.load_test_script.write_text(lua_script("load-test.lua", claims_api_path))

    def run(self, url, seconds, connections, script=None, script_arguments=()):
        command = [
            self.executable,
            "--threads",
            str(self.threads),
            "--connections",
            str(connections),
            "--duration",
            f"{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            "--script",
            str(script or self.single_url_script),
            *[item for name, value in FORWARDED_HTTPS.items() for item in ("--header", f"{name}: {value}")],
            url,
        ]
        if script_arguments:
            command += ["--", *script_arguments]
        finished = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
        for line in finished.stdout.splitlines():
            if line.startswith(RESULT_MARKER):
                data = json.loads(line[len(RESULT_MARKER) :])
                return WrkResult(
                    seconds=data["duration_us"] / 1e6,
                    requests=int(data["requests"]),
                    errors=data["errors"],
                    latency_us=data["latency_us"],
                    statuses=data.get("statuses") or {},
                    sent=data.get("sent") or {},
                )
        raise CommandError(f"wrk gave no result (exit {finished.returncode}):\n{finished.stdout}{finished.stderr}")


def milliseconds(microseconds):
    return f"{microseconds / 1000:.1f} ms"
