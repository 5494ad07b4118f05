"""`manage.py benchsite`: the whole site's speed on this machine, measured end to end on loopback.

One run prepares a throwaway database (SQLite in a temporary directory, or the PostgreSQL database `bench_site`
with --postgres), loads the content, collects the static files, and starts gunicorn with the production settings
on a free loopback port. It then prints:

- throughput and latency of a topic page, a study page, the evidence index and the stylesheet (wrk);
- the topic page's weight: its HTML and every stylesheet, script and icon it links, against the 50 kB target;
- database queries per page (Django's test client, in a separate process, on a copy of the database), before and
  after adding nine copies of every study;
- the claim matcher's time per 20,000 characters (the logic of `benchclaims`);
- a bounded load test: 50 connections over several pages, the stylesheet and the claim API.

Nothing is asserted: the figures are for reading. The server is always stopped and the throwaway database always
removed, also on Ctrl-C or an error. Every request says X-Forwarded-Proto: https, as the TLS proxy in front of
production would, so that the production settings serve it instead of redirecting to HTTPS.
"""

import argparse
import contextlib
import ctypes
import gzip
import http.client
import itertools
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from email.message import Message
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

PRODUCTION_SETTINGS = "explainer.settings.production"
LOOPBACK = "127.0.0.1"
LOOPBACK_HOSTS = "127.0.0.1,localhost"
# The proxy in front of production terminates TLS and says so; without it production redirects to https://.
FORWARDED_HTTPS = {"X-Forwarded-Proto": "https"}
REDIS_BENCH_URL = "redis://127.0.0.1:6379/14"
# The in-process measurement clears and bumps its cache: not the one the server under test uses.
REDIS_IN_PROCESS_URL = "redis://127.0.0.1:6379/12"
POSTGRES_SERVER_URL = "postgres://postgres@127.0.0.1:5432/"
POSTGRES_DATABASE = "bench_site"
CLAIMS_API_PATH = "/api/claims/check/"

TOPIC_PATH = "/en/about-cirrhosis/what-is-cirrhosis/"
STUDY_PATH = "/en/evidence/qin-2025/"
EVIDENCE_PATH = "/en/evidence/"
STYLESHEET = "css/site.css"
QUERY_COUNT_PAGES = {"topic page": TOPIC_PATH, "study page": STUDY_PATH, "evidence index": EVIDENCE_PATH}
# The load test's pages, both languages; the stylesheet is added from the manifest.
LOAD_TEST_PATHS = [
    "/en/",
    TOPIC_PATH,
    "/zh-hans/about-cirrhosis/what-is-cirrhosis/",
    "/en/treatment/treating-the-cause/",
    "/en/stem-cells/what-the-trials-show/",
    EVIDENCE_PATH,
    STUDY_PATH,
    "/zh-hans/evidence/xie-2025/",
    "/en/glossary/",
]
LOAD_TEST_CLAIM_EVERY = 5  # every fifth request of the load test is a claim check
LOAD_TEST_CLAIM_LENGTHS = (400, 1_000, 2_500)  # characters of pasted text, from the labelled sentences
STUDY_COPIES = 9
PAGE_WEIGHT_TARGET_BYTES = 50_000
MAX_LOAD_TEST_SECONDS = 60
RESULT_MARKER = "benchsite-result "
# Set by benchsite for its own measuring subprocess: that process may add pages only to this database.
THROWAWAY_DATABASE_ENV = "BENCHSITE_THROWAWAY_DATABASE_URL"

# wrk's report, shared by both scripts: done() prints one JSON line that benchsite reads.
WRK_REPORT_LUA = r"""
local function json_value(value)
   if type(value) == "table" then
      local parts = {}
      for key, item in pairs(value) do
         parts[#parts + 1] = string.format("%q:%s", tostring(key), json_value(item))
      end
      return "{" .. table.concat(parts, ",") .. "}"
   elseif type(value) == "number" then
      return string.format("%.17g", value)
   end
   return string.format("%q", tostring(value))
end

function report(summary, latency, statuses, sent)
   io.write("__MARKER__", json_value({
      duration_us = summary.duration,
      requests = summary.requests,
      bytes = summary.bytes,
      errors = summary.errors,
      latency_us = {
         mean = latency.mean, max = latency.max,
         p50 = latency:percentile(50), p75 = latency:percentile(75),
         p90 = latency:percentile(90), p99 = latency:percentile(99),
      },
      statuses = statuses,
      sent = sent,
   }), "\n")
end
""".replace("__MARKER__", RESULT_MARKER)

# One URL, as fast as wrk goes: no per-response Lua, only the report at the end.
WRK_SINGLE_URL_LUA = WRK_REPORT_LUA + r"""
function done(summary, latency, requests)
   report(summary, latency, {}, {})
end
"""

# The load test. The arguments after "--" are the schedule that every connection cycles through: an argument that
# starts with "/" is a page to GET, any other is a JSON body to POST to the claim API. Each thread starts at its
# own point of the schedule and counts the answers by status and kind (told by their Content-Type, since wrk
# does not say which request an answer belongs to); done() adds up the threads' counts.
WRK_LOAD_TEST_LUA = WRK_REPORT_LUA + r"""
local threads = {}

function setup(thread)
   thread:set("thread_number", #threads)
   table.insert(threads, thread)
end

function init(args)
   prepared, kinds = {}, {}
   for index, item in ipairs(args) do
      local headers = {}
      for name, value in pairs(wrk.headers) do headers[name] = value end
      if item:sub(1, 1) == "/" then
         prepared[index] = wrk.format("GET", item, headers)
         kinds[index] = item:find("^/static/") and "static file" or "page"
      else
         headers["Content-Type"] = "application/json"
         prepared[index] = wrk.format("POST", "__API__", headers, item)
         kinds[index] = "claim check"
      end
   end
   position = (thread_number * 7) % #prepared
   statuses, sent = {}, {}
end

function request()
   position = position % #prepared + 1
   local kind = kinds[position]
   sent[kind] = (sent[kind] or 0) + 1
   return prepared[position]
end

function response(status, headers, body)
   local content_type = headers["Content-Type"] or headers["content-type"] or ""
   local kind = "other"
   if content_type:find("json", 1, true) then kind = "claim check"
   elseif content_type:find("text/html", 1, true) then kind = "page"
   elseif content_type:find("css", 1, true) or content_type:find("javascript", 1, true) then kind = "static file"
   end
   local key = status .. " " .. kind
   statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
   local statuses, sent = {}, {}
   for _, thread in ipairs(threads) do
      for key, count in pairs(thread:get("statuses")) do statuses[key] = (statuses[key] or 0) + count end
      for key, count in pairs(thread:get("sent")) do sent[key] = (sent[key] or 0) + count end
   end
   report(summary, latency, statuses, sent)
end
""".replace("__API__", CLAIMS_API_PATH)


# ---------------------------------------------------------------------------------------------------------------
# Processes: manage.py in a subprocess, and gunicorn (also used by `runcluster`).


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


def run_manage(arguments, env, timeout=600):
    """Run `manage.py ARGUMENTS` with ENV; return its output, or stop with the output's tail if it fails."""
    command = [sys.executable, str(settings.BASE_DIR / "manage.py"), *arguments]
    try:
        finished = subprocess.run(
            command, env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired as error:
        raise CommandError(f"manage.py {' '.join(arguments)} took more than {timeout} s.") from error
    if finished.returncode != 0:
        tail = "\n".join((finished.stdout + finished.stderr).strip().splitlines()[-25:])
        raise CommandError(f"manage.py {' '.join(arguments)} failed (exit {finished.returncode}):\n{tail}")
    return finished.stdout


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

    def __init__(self, env, port, workers=2, worker_class="gthread", threads=4, host=LOOPBACK, output=None,
                 extra_arguments=()):
        self.env, self.port, self.host = env, port, host
        self.output = output  # a file for gunicorn's log, or None to share this process's output
        self.arguments = [
            sys.executable, "-m", "gunicorn", "explainer.wsgi:application",
            "--bind", f"{host}:{port}",
            "--workers", str(workers),
            "--worker-class", worker_class,
            "--threads", str(threads),
            "--graceful-timeout", str(self.GRACEFUL_SECONDS),
            # The default control socket is one fixed path per user: two servers at once would fight over it.
            "--no-control-socket",
            "--chdir", str(settings.BASE_DIR),
            *extra_arguments,
        ]
        self.process = None

    @property
    def base_url(self):
        return f"http://{self.host}:{self.port}"

    def start(self):
        self.process = subprocess.Popen(
            self.arguments, env=self.env, cwd=settings.BASE_DIR, stdin=subprocess.DEVNULL,
            stdout=self.output, stderr=subprocess.STDOUT if self.output else None,
            start_new_session=True, preexec_fn=_stop_with_parent,
        )
        return self

    def wait_until_ready(self, path="/robots.txt", timeout=60):
        """Wait until gunicorn answers PATH; stop with gunicorn's own words if it exits or never answers."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise CommandError(f"gunicorn on port {self.port} exited with code {self.process.returncode}."
                                   + self.log_tail())
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


# ---------------------------------------------------------------------------------------------------------------
# HTTP on loopback, and wrk.


@dataclass
class HttpAnswer:
    status: int
    headers: Message
    body: bytes


def http_request(port, path, method="GET", body=None, headers=None, host=LOOPBACK):
    """One request to the server, as the proxy would forward it; redirects are returned, not followed."""
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        connection.request(method, path, body=body, headers={**FORWARDED_HTTPS, **(headers or {})})
        response = connection.getresponse()
        return HttpAnswer(response.status, response.headers, response.read())
    finally:
        connection.close()


def require_ok(port, path, method="GET", body=None, headers=None):
    answer = http_request(port, path, method, body, headers)
    if answer.status != 200:
        location = answer.headers.get("Location")
        raise CommandError(f"{method} {path} answered {answer.status}" + (f" (to {location})" if location else "")
                           + "; the benchmark needs every URL it measures to answer 200.")
    return answer


def find_wrk():
    path = shutil.which("wrk")
    if path is None:
        raise CommandError("wrk is not installed: it measures throughput and latency. Install it with "
                           "`apt-get install wrk` (Debian and Ubuntu) and run benchsite again.")
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
    def __init__(self, executable, script_dir, threads=2):
        self.executable, self.threads = executable, threads
        self.single_url_script = Path(script_dir) / "single-url.lua"
        self.single_url_script.write_text(WRK_SINGLE_URL_LUA)
        self.load_test_script = Path(script_dir) / "load-test.lua"
        self.load_test_script.write_text(WRK_LOAD_TEST_LUA)

    def run(self, url, seconds, connections, script=None, script_arguments=()):
        command = [
            self.executable, "--threads", str(self.threads), "--connections", str(connections),
            "--duration", f"{seconds}s", "--timeout", "10s", "--latency",
            "--script", str(script or self.single_url_script),
            *[item for name, value in FORWARDED_HTTPS.items() for item in ("--header", f"{name}: {value}")],
            url,
        ]
        if script_arguments:
            command += ["--", *script_arguments]
        finished = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
        for line in finished.stdout.splitlines():
            if line.startswith(RESULT_MARKER):
                data = json.loads(line[len(RESULT_MARKER):])
                return WrkResult(
                    seconds=data["duration_us"] / 1e6, requests=int(data["requests"]), errors=data["errors"],
                    latency_us=data["latency_us"], statuses=data.get("statuses") or {}, sent=data.get("sent") or {},
                )
        raise CommandError(f"wrk gave no result (exit {finished.returncode}):\n{finished.stdout}{finished.stderr}")


def milliseconds(microseconds):
    return f"{microseconds / 1000:.1f} ms"


# ---------------------------------------------------------------------------------------------------------------
# Page weight.


class LinkedResources(HTMLParser):
    """The stylesheets, scripts, icons and images a page links, as (kind, URL) in document order."""

    def __init__(self):
        super().__init__()
        self.resources = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        rel = (attributes.get("rel") or "").lower().split()
        if tag == "link" and "stylesheet" in rel and attributes.get("href"):
            self.resources.append(("stylesheet", attributes["href"]))
        elif tag == "link" and "icon" in rel and attributes.get("href"):
            self.resources.append(("icon", attributes["href"]))
        elif tag == "script" and attributes.get("src"):
            self.resources.append(("script", attributes["src"]))
        elif tag == "img" and attributes.get("src"):
            self.resources.append(("image", attributes["src"]))


@dataclass
class Weight:
    label: str
    raw_bytes: int
    gzip_bytes: int
    gzip_as_served: bool
    body: bytes


def weigh(port, path, label):
    """The bytes of PATH uncompressed, and gzip-compressed as served (or at level 6 if the server sends it plain)."""
    plain = require_ok(port, path, headers={"Accept-Encoding": "identity"})
    compressed = require_ok(port, path, headers={"Accept-Encoding": "gzip"})
    if compressed.headers.get("Content-Encoding") == "gzip":
        return Weight(label, len(plain.body), len(compressed.body), True, plain.body)
    return Weight(label, len(plain.body), len(gzip.compress(plain.body, 6)), False, plain.body)


# ---------------------------------------------------------------------------------------------------------------
# Throwaway databases.


class SQLiteDatabase:
    label = "SQLite, in a temporary directory"

    def __init__(self, directory):
        self.directory = Path(directory)
        self.path = self.directory / "site.sqlite3"
        self.url = f"sqlite:///{self.path}"

    def create(self):
        pass

    def copy(self):
        """A copy to change freely (the query counts add studies); returns its URL."""
        copy = self.directory / "queries.sqlite3"
        shutil.copyfile(self.path, copy)
        return f"sqlite:///{copy}"

    def drop(self):
        pass  # the temporary directory goes, and the files with it


class PostgresDatabase:
    def __init__(self, server_url, name=POSTGRES_DATABASE):
        self.server_url = server_url.rstrip("/")
        self.name = name
        self.copy_name = f"{name}_queries"
        self.url = f"{self.server_url}/{name}"
        self.label = f"PostgreSQL, database {name} on {urlsplit(self.server_url).netloc}"

    def _execute(self, *statements):
        import psycopg

        try:
            with psycopg.connect(f"{self.server_url}/postgres", autocommit=True, connect_timeout=5) as connection:
                for statement in statements:
                    connection.execute(statement)
        except psycopg.OperationalError as error:
            raise CommandError(f"PostgreSQL does not answer at {self.server_url}: {error}") from error

    def create(self):
        self._execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)', f'CREATE DATABASE "{self.name}"')

    def copy(self):
        self._execute(
            f'DROP DATABASE IF EXISTS "{self.copy_name}" WITH (FORCE)',
            f'CREATE DATABASE "{self.copy_name}" TEMPLATE "{self.name}"',
        )
        return f"{self.server_url}/{self.copy_name}"

    def drop(self):
        self._execute(
            f'DROP DATABASE IF EXISTS "{self.copy_name}" WITH (FORCE)',
            f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)',
        )


# ---------------------------------------------------------------------------------------------------------------


class Command(BaseCommand):
    help = (
        "Benchmark the whole site on loopback: gunicorn with production settings on a throwaway database; "
        "throughput and latency (wrk), page weight, database queries per page, the claim matcher, and a "
        "bounded load test. Prints figures, asserts nothing, leaves nothing running."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--postgres", action="store_true",
            help=f"Use the PostgreSQL database {POSTGRES_DATABASE} (created and dropped) instead of SQLite.",
        )
        parser.add_argument("--postgres-server", default=POSTGRES_SERVER_URL,
                            help="The PostgreSQL server for --postgres (default: %(default)s).")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default: 2).")
        parser.add_argument("--worker-class", default="gthread", choices=["gthread", "sync"],
                            help="gunicorn worker class (default: gthread).")
        parser.add_argument("--threads", type=int, default=4, help="Threads per gthread worker (default: 4).")
        parser.add_argument("--seconds", type=int, default=5, help="Seconds of wrk per URL (default: 5).")
        parser.add_argument("--connections", type=int, default=16, help="wrk connections per URL (default: 16).")
        parser.add_argument("--load-seconds", type=int, default=30,
                            help=f"Seconds of the load test, at most {MAX_LOAD_TEST_SECONDS} (default: 30).")
        parser.add_argument("--load-connections", type=int, default=50,
                            help="Connections of the load test (default: 50).")
        # Internal: benchsite runs itself with this in a subprocess on a copy of the throwaway database.
        parser.add_argument("--measure-in-process", action="store_true", help=argparse.SUPPRESS)

    def handle(self, *args, **options):
        if options["measure_in_process"]:
            return self.measure_in_process()
        if not 1 <= options["load_seconds"] <= MAX_LOAD_TEST_SECONDS:
            raise CommandError(f"--load-seconds must be between 1 and {MAX_LOAD_TEST_SECONDS}.")
        wrk_path = find_wrk()
        gunicorn = gunicorn_version()

        # SIGTERM unwinds like Ctrl-C, so that the server is stopped and the database dropped either way.
        previous_handler = signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
        try:
            with tempfile.TemporaryDirectory(prefix="benchsite-") as directory:
                self.run_benchmark(Path(directory), wrk_path, gunicorn, options)
        except KeyboardInterrupt:
            raise CommandError("Interrupted: the server is stopped and the throwaway database removed.") from None
        finally:
            signal.signal(signal.SIGTERM, previous_handler)

    # -----------------------------------------------------------------------------------------------------------

    def run_benchmark(self, directory, wrk_path, gunicorn, options):
        database = PostgresDatabase(options["postgres_server"]) if options["postgres"] else SQLiteDatabase(directory)
        redis_url = REDIS_BENCH_URL if redis_answers(REDIS_BENCH_URL) else None
        started = time.monotonic()
        database.create()
        try:
            env = site_environment(database.url, CLAIMS_RATE_LIMIT="1000000")
            prepare_site(env)
            query_database_url = database.copy()
            prepare_seconds = time.monotonic() - started

            if redis_url:
                redis_answers(redis_url, flush=True)
                env["REDIS_URL"] = redis_url
            port = free_port()
            with open(directory / "gunicorn.log", "w+") as log, GunicornServer(
                env, port, options["workers"], options["worker_class"], options["threads"], output=log
            ) as server:
                server.wait_until_ready()
                workers = f"{options['workers']} {options['worker_class']} workers"
                if options["worker_class"] == "gthread":
                    workers += f" × {options['threads']} threads"
                self.heading("Site benchmark")
                self.row("server", f"gunicorn {gunicorn}, {workers}, {PRODUCTION_SETTINGS}, {server.base_url}")
                self.row("database", f"{database.label}; prepared in {prepare_seconds:.1f} s "
                                     "(migrate, loadcontent, collectstatic)")
                self.row("cache", f"Redis, {redis_url} (flushed first)" if redis_url
                         else "none: Redis does not answer at 127.0.0.1:6379, so pages are not cached")
                self.row("static files", f"WhiteNoise, collected into {settings.STATIC_ROOT}")

                wrk = Wrk(wrk_path, directory)
                stylesheet_path = self.stylesheet_path()
                self.throughput(wrk, port, stylesheet_path, options)
                self.page_weight(port)
                self.in_process_figures(query_database_url)
                self.load_test(wrk, port, stylesheet_path, options)
                self.server_log_errors(log)
        finally:
            database.drop()

    def stylesheet_path(self):
        """The stylesheet's hashed URL from the manifest that collectstatic wrote, as pages link it."""
        manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
        paths = json.loads(manifest.read_text())["paths"] if manifest.exists() else {}
        return settings.STATIC_URL + paths.get(STYLESHEET, STYLESHEET)

    def throughput(self, wrk, port, stylesheet_path, options):
        seconds, connections = options["seconds"], options["connections"]
        self.heading(f"Throughput and latency: wrk, {seconds} s per URL, {wrk.threads} threads, "
                     f"{connections} connections, after 1 s of warm-up")
        urls = [("static file", stylesheet_path), ("topic page", TOPIC_PATH), ("study page", STUDY_PATH),
                ("evidence index", EVIDENCE_PATH)]
        self.stdout.write(f"  {'':15} {'path':43} {'requests/s':>10} {'p50':>9} {'p99':>9} "
                          f"{'÷ static':>8} {'errors':>6}  page cache")
        static_rate = None
        for label, path in urls:
            answer = require_ok(port, path)
            answer = require_ok(port, path)  # the second request shows whether the page cache serves it
            wrk.run(f"http://{LOOPBACK}:{port}{path}", 1, connections)
            result = wrk.run(f"http://{LOOPBACK}:{port}{path}", seconds, connections)
            rate = result.requests_per_second
            static_rate = static_rate or rate
            errors = result.errors.get("status", 0) + result.socket_errors
            self.stdout.write(
                f"  {label:15} {path:43} {rate:10,.0f} {milliseconds(result.latency_us['p50']):>9} "
                f"{milliseconds(result.latency_us['p99']):>9} {rate / static_rate:8.2f} {errors:6}  "
                f"{answer.headers.get('X-Page-Cache', '-')}"
            )

    def page_weight(self, port):
        self.heading(f"Page weight of {TOPIC_PATH} (1 kB = 1,000 bytes)")
        html = weigh(port, TOPIC_PATH, "HTML")
        parser = LinkedResources()
        parser.feed(html.body.decode("utf-8", errors="replace"))
        weights, external = [html], []
        for kind, url in parser.resources:
            parts = urlsplit(url)
            if parts.netloc and parts.netloc not in (f"{LOOPBACK}:{port}", f"localhost:{port}"):
                external.append(url)
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            weights.append(weigh(port, path, f"{kind} {parts.path}"))

        self.stdout.write(f"  {'':50} {'bytes':>9} {'gzip':>9}")
        for weight in weights:
            note = "" if weight.gzip_as_served else "  (gzip -6 here; the server sends it uncompressed)"
            self.stdout.write(f"  {weight.label:50} {weight.raw_bytes:9,} {weight.gzip_bytes:9,}{note}")
        raw_total = sum(weight.raw_bytes for weight in weights)
        gzip_total = sum(weight.gzip_bytes for weight in weights)
        self.stdout.write(f"  {'total':50} {raw_total:9,} {gzip_total:9,}")
        target = PAGE_WEIGHT_TARGET_BYTES
        for label, total in (("uncompressed", raw_total), ("gzip", gzip_total)):
            verdict = (self.style.SUCCESS(f"within the {target / 1000:.0f} kB target") if total <= target
                       else self.style.ERROR(f"OVER the {target / 1000:.0f} kB target"))
            self.stdout.write(f"  {label + ':':14} {total / 1000:6.1f} kB, {verdict}")
        if external:
            self.stdout.write(f"  not counted, on other sites: {', '.join(external)}")
        stylesheets = [weight for weight in weights if weight.label.startswith("stylesheet")]
        font_faces = [weight.label for weight in stylesheets if b"@font-face" in weight.body.lower()]
        if font_faces:
            self.stdout.write(self.style.ERROR(f"  web fonts: @font-face in {', '.join(font_faces)}"))
        else:
            self.stdout.write(f"  web fonts: none (no @font-face in the {len(stylesheets)} linked stylesheet(s))")

    def in_process_figures(self, database_url):
        """Query counts and the claim matcher, measured by benchsite itself in a subprocess on a copy of the DB."""
        env = site_environment(database_url, REDIS_IN_PROCESS_URL, **{THROWAWAY_DATABASE_ENV: database_url})
        output = run_manage(["benchsite", "--measure-in-process"], env)
        lines = [line for line in output.splitlines() if line.startswith(RESULT_MARKER)]
        if not lines:
            raise CommandError(f"The in-process measurement gave no result:\n{output}")
        figures = json.loads(lines[-1][len(RESULT_MARKER):])

        before, after = figures["studies_before"], figures["studies_after"]
        self.heading("Database queries per page: Django test client in a separate process, production settings, "
                     f"cache {REDIS_IN_PROCESS_URL}")
        self.stdout.write("  empty cache: the first request after cache.clear(); render: the page again after its "
                          "page-cache entry\n  was removed (a page-cache miss, other caches warm; its time in ms); "
                          "repeat: the first request again.")
        self.stdout.write(f"  Then {after - before} studies were added ({STUDY_COPIES} published copies of each, "
                          f"in {figures['copy_seconds']:.1f} s) and the pages counted again.")
        columns = f"{'empty cache':>11} {'render':>6} {'time':>7} {'repeat':>6}"
        self.stdout.write(f"  {'':16}{f'{before} studies':^33}   {f'{after} studies':^33}".rstrip())
        self.stdout.write(f"  {'':16}{columns}   {columns}   growth")
        for label in QUERY_COUNT_PAGES:
            counts = [figures["queries"]["before"][label], figures["queries"]["after"][label]]
            cells = [f"{c['empty_cache']:11} {c['render']:6} {c['render_ms']:4.0f} ms {c['repeat']:6}" for c in counts]
            growth = max(counts[1][name] - counts[0][name] for name in ("empty_cache", "render", "repeat"))
            verdict = self.style.SUCCESS("none") if growth <= 0 else self.style.ERROR(f"+{growth} queries")
            self.stdout.write(f"  {label:16}{cells[0]}   {cells[1]}   {verdict}")

        claims = figures["claims"]
        self.heading("Claim matcher (the logic of benchclaims, on the throwaway database's patterns)")
        self.row("patterns", f"{claims['families']} claim families, {claims['patterns']} patterns")
        self.row("20,000 characters", f"{claims['milliseconds']:.1f} ms median of {claims['repeat']} runs "
                                      f"({claims['flags']} claims flagged)")

    def load_test(self, wrk, port, stylesheet_path, options):
        from explainer.caution.evaluation import load_items
        from explainer.caution.management.commands.benchclaims import sample_text

        seconds, connections = options["load_seconds"], options["load_connections"]
        pages = [*LOAD_TEST_PATHS, stylesheet_path]
        items = load_items()
        bodies = [json.dumps({"text": sample_text(items, length)}, ensure_ascii=False)
                  for length in LOAD_TEST_CLAIM_LENGTHS]
        page_cycle, body_cycle = itertools.cycle(pages), itertools.cycle(bodies)
        schedule = [
            next(body_cycle) if position % LOAD_TEST_CLAIM_EVERY == LOAD_TEST_CLAIM_EVERY - 1 else next(page_cycle)
            for position in range(len(pages) * len(bodies) * LOAD_TEST_CLAIM_EVERY)
        ]
        for path in pages:
            require_ok(port, path)
        for body in bodies:
            require_ok(port, CLAIMS_API_PATH, "POST", body.encode(), {"Content-Type": "application/json"})

        self.heading(f"Load test: {seconds} s, {connections} connections, {wrk.threads} wrk threads; "
                     f"{len(pages) - 1} pages, the stylesheet, and every {LOAD_TEST_CLAIM_EVERY}th request a claim "
                     f"check of {'/'.join(f'{length:,}' for length in LOAD_TEST_CLAIM_LENGTHS)} characters")
        result = wrk.run(f"http://{LOOPBACK}:{port}/", seconds, connections, wrk.load_test_script, schedule)
        latency = result.latency_us
        self.row("requests", f"{result.requests:,} in {result.seconds:.1f} s: {result.requests_per_second:,.0f}/s "
                             f"(sent: {', '.join(f'{count:,} {kind}' for kind, count in sorted(result.sent.items()))})")
        self.row("latency", "  ".join(f"{name} {milliseconds(latency[name])}"
                                      for name in ("p50", "p75", "p90", "p99", "max")))
        self.stdout.write("  answers by status (kind told by Content-Type):")
        for key, count in sorted(result.statuses.items(), key=lambda item: (int(item[0].split()[0]), item[0])):
            status, kind = key.split(" ", 1)
            self.stdout.write(f"    {status}  {kind:12} {count:9,}")
        statuses = [(int(key.split()[0]), count) for key, count in result.statuses.items()]
        failed = sum(count for status, count in statuses if not 200 <= status < 400)
        server_errors = sum(count for status, count in statuses if status >= 500)
        style = self.style.SUCCESS if failed == 0 else self.style.ERROR
        self.row("not 2xx/3xx", style(f"{failed:,}"))
        self.row("5xx", (self.style.SUCCESS if server_errors == 0 else self.style.ERROR)(f"{server_errors:,}"))
        errors = result.errors
        self.row("socket errors", f"connect {errors.get('connect', 0)}, read {errors.get('read', 0)}, "
                                  f"write {errors.get('write', 0)}, timeout {errors.get('timeout', 0)}")

    def server_log_errors(self, log):
        log.flush()
        log.seek(0)
        lines = [line.rstrip() for line in log if "Traceback" in line or "ERROR" in line or "CRITICAL" in line]
        if lines:
            self.stdout.write(self.style.ERROR(f"  gunicorn's log has {len(lines)} error lines; the first:"))
            for line in lines[:5]:
                self.stdout.write(f"    {line}")
        else:
            self.row("server log", "no errors")

    # -----------------------------------------------------------------------------------------------------------

    def measure_in_process(self):
        """Count queries per page before and after adding studies, and time the claim matcher; print JSON.

        Runs in benchsite's own subprocess, on a copy of the throwaway database that only it uses.
        """
        from django.db import connection

        database_url = os.environ.get(THROWAWAY_DATABASE_ENV)
        if not database_url or database_url != os.environ.get("DATABASE_URL"):
            raise CommandError("--measure-in-process is benchsite's own step: it adds pages, so it only runs on "
                               "the throwaway database that benchsite names.")
        from explainer.evidence.models import StudyPage

        figures = {"queries": {}, "claims": self.time_claim_matcher()}
        figures["studies_before"] = StudyPage.objects.live().count()
        figures["queries"]["before"] = self.count_queries()
        started = time.perf_counter()
        self.add_study_copies()
        figures["copy_seconds"] = time.perf_counter() - started
        figures["studies_after"] = StudyPage.objects.live().count()
        figures["queries"]["after"] = self.count_queries()
        connection.close()
        self.stdout.write(RESULT_MARKER + json.dumps(figures))

    def count_queries(self):
        """Queries for each page: with an empty cache, re-rendered with warm helper caches, and repeated.

        "render" asks for the page again after removing it from the page cache: the page is rendered again while
        the other caches (glossary, claim patterns, menu) stay warm, as for a page not asked for since a publish.
        """
        from django.core.cache import cache
        from django.db import connection
        from django.test import Client, RequestFactory
        from django.test.utils import CaptureQueriesContext

        from explainer.core.page_cache import cache_key

        client = Client(HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")

        def queries(path):
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            if response.status_code != 200:
                raise CommandError(f"GET {path} answered {response.status_code} in the test client.")
            return len(captured.captured_queries)

        counts = {}
        for label, path in QUERY_COUNT_PAGES.items():
            cache.clear()
            empty_cache = queries(path)
            cache.delete(cache_key(RequestFactory().get(path, HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")))
            started = time.perf_counter()
            render = queries(path)
            render_ms = (time.perf_counter() - started) * 1000
            counts[label] = {"empty_cache": empty_cache, "render": render, "render_ms": render_ms,
                             "repeat": queries(path)}
        return counts

    def add_study_copies(self):
        """Nine published copies of every study, with their groups, outcomes and sources, under the evidence index."""
        from django.db import transaction

        from explainer.evidence.models import EvidenceIndexPage, StudyPage

        index = EvidenceIndexPage.objects.get()
        studies = list(StudyPage.objects.child_of(index).live())
        with transaction.atomic():
            for number in range(1, STUDY_COPIES + 1):
                for study in studies:
                    copy = study.copy(
                        to=index,
                        update_attrs={
                            "slug": f"{study.slug}-copy-{number}",
                            "title_en": f"{study.title_en} (copy {number})",
                            "title_zh_hans": f"{study.title_zh_hans or study.title_en}（副本 {number}）",
                        },
                        copy_revisions=False,
                        keep_live=False,
                    )
                    copy.save_revision().publish()

    def time_claim_matcher(self, repeat=15):
        from explainer.caution.evaluation import load_items
        from explainer.caution.management.commands.benchclaims import median_seconds, sample_text
        from explainer.caution.service import check_text, current_detector

        matcher = current_detector().matcher
        text = sample_text(load_items(), 20_000)
        return {
            "families": len(matcher.families),
            "patterns": sum(len(family.patterns) for family in matcher.families),
            "milliseconds": median_seconds(lambda: check_text(text), repeat) * 1000,
            "repeat": repeat,
            "flags": len(check_text(text)["flags"]),
        }

    # -----------------------------------------------------------------------------------------------------------

    def heading(self, text):
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(text))

    def row(self, label, value):
        self.stdout.write(f"  {label + ':':20} {value}")
