"""The site's processes for the developer tools: manage.py in a subprocess, and gunicorn on loopback."""

import contextlib
import ctypes
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from .loopback import LOOPBACK, http_request

PRODUCTION_SETTINGS = "explainer.settings.production"
LOOPBACK_HOSTS = "127.0.0.1,localhost"
REDIS_BENCH_URL = "redis://127.0.0.1:6379/14"


def site_environment(database_url, redis_url=None, **extra):
    """The environment for the site's processes: production settings, a fresh secret key, loopback hosts."""
    env = {name: value for name, value in os.environ.items() if name not in ("REDIS_URL", "DATABASE_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE=PRODUCTION_SETTINGS,
        DJANGO_SECRET_KEY=env.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=LOOPBACK_HOSTS,
        DATABASE_URL=database_url,
        PYTHONUNBUFFERED="1",
    )
    # Production refuses to start without Redis; where none answers, the site runs without a cache.
    env["REDIS_URL"] = redis_url or REDIS_BENCH_URL
    env.update(extra)
    return env


def run_python(arguments, env, timeout=600):
    """Run `python ARGUMENTS` in the project with ENV; return its output, or stop with the output's tail if it fails."""
    command = [sys.executable, *arguments]
    name = " ".join(arguments)
    try:
        finished = subprocess.run(
            command, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired as error:
        raise CommandError(f"{name} took more than {timeout} s.") from error
    if finished.returncode != 0:
        tail = "\n".join((finished.stdout + finished.stderr).strip().splitlines()[-25:])
        raise CommandError(f"{name} failed (exit {finished.returncode}):\n{tail}")
    return finished.stdout


def run_manage(arguments, env, timeout=600):
    """Run `manage.py ARGUMENTS` with ENV (see run_python)."""
    return run_python(["manage.py", *arguments], env, timeout)


def prepare_site(env):
    """Migrate, load the content and collect the static files, as a deployment would."""
    run_manage(["migrate", "--noinput", "-v0"], env)
    run_manage(["loadcontent", "-v0"], env)
    run_manage(["collectstatic", "--noinput", "-v0"], env)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def redis_answers(url, flush=False):
    """Whether Redis answers at URL (and, with flush, empty that database)."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)
        client.ping()
        if flush:
            client.flushdb()
        return True
    except redis.RedisError:
        return False


def gunicorn_version():
    try:
        from importlib.metadata import version

        return version("gunicorn")
    except Exception as error:
        raise CommandError(
            "gunicorn is not installed in this Python environment: run "
            f"{sys.executable} -m pip install -r requirements.txt"
        ) from error


def _stop_with_parent():
    """Run in the child just before exec: Linux sends it SIGTERM if this process dies, even by SIGKILL."""
    if sys.platform.startswith("linux"):
        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class GunicornServer:
    """One gunicorn serving the site on a loopback port, started and stopped by this process only.

    gunicorn runs in its own session (so Ctrl-C reaches this process, which then stops it in order) and gets
    SIGTERM from the kernel if this process dies without stopping it. Use it as a context manager.
    """

    GRACEFUL_SECONDS = 5

    def __init__(
        self, env, port, workers=2, worker_class="gthread", threads=4, host=LOOPBACK, output=None, extra_arguments=()
    ):
        self.env, self.port, self.host = env, port, host
        self.output = output  # a file for gunicorn's log, or None to share this process's output
        self.arguments = [
            sys.executable,
            "-m",
            "gunicorn",
            "explainer.wsgi:application",
            "--bind",
            f"{host}:{port}",
            "--workers",
            str(workers),
            "--worker-class",
            worker_class,
            "--threads",
            str(threads),
            "--graceful-timeout",
            str(self.GRACEFUL_SECONDS),
            # The default control socket is one fixed path per user: two servers at once would fight over it.
            "--no-control-socket",
            "--chdir",
            str(settings.BASE_DIR),
            *extra_arguments,
        ]
        self.process = None

    @property
    def base_url(self):
        return f"http://{self.host}:{self.port}"

    def start(self):
        self.process = subprocess.Popen(
            self.arguments,
            env=self.env,
            cwd=settings.BASE_DIR,
            stdin=subprocess.DEVNULL,
            stdout=self.output,
            stderr=subprocess.STDOUT if self.output else None,
            start_new_session=True,
            preexec_fn=_stop_with_parent,
        )
        return self

    def wait_until_ready(self, path="/robots.txt", timeout=60):
        """Wait until gunicorn answers PATH; stop with gunicorn's own words if it exits or never answers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise CommandError(
                    f"gunicorn on port {self.port} exited with code {self.process.returncode}." + self.log_tail()
                )
            try:
                if http_request(self.port, path, host=self.host).status < 500:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise CommandError(f"gunicorn on port {self.port} did not answer within {timeout} s." + self.log_tail())

    def log_tail(self, lines=20):
        if self.output is None or not hasattr(self.output, "name"):
            return ""
        self.output.flush()
        text = Path(self.output.name).read_text(errors="replace").strip()
        return "\n" + "\n".join(text.splitlines()[-lines:]) if text else ""

    def running(self):
        return self.process is not None and self.process.poll() is None

    def terminate(self):
        """Ask gunicorn to stop (SIGTERM: it finishes the requests in hand); stop() waits for it."""
        if self.running():
            self.process.terminate()

    def stop(self):
        """SIGTERM (gunicorn's graceful stop); after the grace period, SIGKILL to gunicorn's own process group."""
        if not self.running():
            return
        self.process.terminate()
        try:
            self.process.wait(self.GRACEFUL_SECONDS + 5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)  # the group that start_new_session gave gunicorn
            self.process.wait(5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()
