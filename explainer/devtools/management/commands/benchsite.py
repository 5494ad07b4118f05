"""`manage.py benchsite`: the whole site's speed on this machine, measured end to end on loopback.

One run prepares a throwaway database (SQLite in a temporary directory, or the PostgreSQL database `bench_site`
with --postgres), loads the content, collects the static files, and starts gunicorn with the production settings
on a free loopback port. It then prints:

- throughput and latency of a topic page, a study page, the evidence index and the stylesheet (wrk);
- the same pages and the home page without the page cache (a second server that caches no page, so every request
  renders it), as a share of the stylesheet's rate, and the evidence index so again with ten times the studies;
- the topic page's weight: its HTML and every stylesheet, script and icon it links, against the 50 kB target;
- database queries per page (Django's test client, in a separate process, on a copy of the database), before and
  after adding nine copies of every study (`explainer.devtools.in_process`);
- the claim matcher's time per 20,000 characters (the logic of `benchclaims`);
- a bounded load test: 50 connections over several pages, the stylesheet and the claim API.

Nothing is asserted: the figures are for reading. The server is always stopped and the throwaway database always
removed, also on Ctrl-C or an error. Every request says X-Forwarded-Proto: https, as the TLS proxy in front of
production would, so that the production settings serve it instead of redirecting to HTTPS.
"""

import json
import os
import re
import signal
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from explainer.devtools import in_process
from explainer.devtools.databases import POSTGRES_DATABASE, POSTGRES_SERVER_URL, PostgresDatabase, SQLiteDatabase
from explainer.devtools.load_test import CLAIMS_API_PATH, load_test
from explainer.devtools.loopback import LOOPBACK, require_ok
from explainer.devtools.processes import (
    PRODUCTION_SETTINGS,
    REDIS_BENCH_URL,
    GunicornServer,
    free_port,
    gunicorn_version,
    prepare_site,
    redis_answers,
    run_python,
    site_environment,
)
from explainer.devtools.weight import page_weight
from explainer.devtools.wrk import Wrk, find_wrk, milliseconds

# The in-process measurement clears and bumps its cache: not the one the server under test uses.
REDIS_IN_PROCESS_URL = "redis://127.0.0.1:6379/12"
# It publishes nine copies of every study: on a busy two-core machine that alone can take over ten minutes.
IN_PROCESS_TIMEOUT_SECONDS = 1800
TOPIC_PATH = in_process.QUERY_COUNT_PAGES["topic page"]
STUDY_PATH = in_process.QUERY_COUNT_PAGES["study page"]
EVIDENCE_PATH = in_process.QUERY_COUNT_PAGES["evidence index"]
STYLESHEET = "css/site.css"
PAGE_WEIGHT_TARGET_BYTES = 50_000
# Issue 11: a page rendered without the page cache answers at least this share of the static file's rate.
UNCACHED_TARGET = 0.15
HOME_PATH = "/en/"
EVIDENCE_INDEX_PATHS = [("evidence index", EVIDENCE_PATH), ("its page 2", f"{EVIDENCE_PATH}?page=2")]
UNCACHED_PATHS = [
    ("home page", HOME_PATH),
    ("topic page", TOPIC_PATH),
    ("study page", STUDY_PATH),
    *EVIDENCE_INDEX_PATHS,
]
MAX_LOAD_TEST_SECONDS = 60


class Command(BaseCommand):
    help = (
        "Benchmark the whole site on loopback: gunicorn with production settings on a throwaway database; "
        "throughput and latency (wrk), page weight, database queries per page, the claim matcher, and a "
        "bounded load test. Prints figures, asserts nothing, leaves nothing running."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--postgres",
            action="store_true",
            help=f"Use the PostgreSQL database {POSTGRES_DATABASE} (created and dropped) instead of SQLite.",
        )
        parser.add_argument(
            "--postgres-server",
            default=POSTGRES_SERVER_URL,
            help="The PostgreSQL server for --postgres (default: %(default)s).",
        )
        parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default: 2).")
        parser.add_argument(
            "--worker-class",
            default="gthread",
            choices=["gthread", "sync"],
            help="gunicorn worker class (default: gthread).",
        )
        parser.add_argument("--threads", type=int, default=4, help="Threads per gthread worker (default: 4).")
        parser.add_argument("--seconds", type=int, default=5, help="Seconds of wrk per URL (default: 5).")
        parser.add_argument("--connections", type=int, default=16, help="wrk connections per URL (default: 16).")
        parser.add_argument(
            "--load-seconds",
            type=int,
            default=30,
            help=f"Seconds of the load test, at most {MAX_LOAD_TEST_SECONDS} (default: 30).",
        )
        parser.add_argument(
            "--load-connections", type=int, default=50, help="Connections of the load test (default: 50)."
        )
        parser.add_argument(
            "--evidence-index-only",
            action="store_true",
            help="Only the static file and the evidence index (cached, uncached, and with 10× the studies) and the "
            "query counts: no page weight, no load test.",
        )

    def handle(self, *args, **options):
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
            with (
                open(directory / "gunicorn.log", "w+") as log,
                GunicornServer(
                    env, port, options["workers"], options["worker_class"], options["threads"], output=log
                ) as server,
            ):
                server.wait_until_ready()
                workers = f"{options['workers']} {options['worker_class']} workers"
                if options["worker_class"] == "gthread":
                    workers += f" × {options['threads']} threads"
                self.heading("Site benchmark")
                self.row("server", f"gunicorn {gunicorn}, {workers}, {PRODUCTION_SETTINGS}, {server.base_url}")
                self.row(
                    "database",
                    f"{database.label}; prepared in {prepare_seconds:.1f} s (migrate, loadcontent, collectstatic)",
                )
                self.row(
                    "cache",
                    f"Redis, {redis_url} (flushed first)"
                    if redis_url
                    else "none: Redis does not answer at 127.0.0.1:6379, so pages are not cached",
                )
                self.row("static files", f"WhiteNoise, collected into {settings.STATIC_ROOT}")

                wrk = Wrk(wrk_path, directory, CLAIMS_API_PATH)
                stylesheet_path = self.stylesheet_path()
                only_index = options["evidence_index_only"]
                static_rate = self.throughput(wrk, port, stylesheet_path, options)
                self.uncached_throughput(
                    env,
                    wrk,
                    directory,
                    options,
                    static_rate,
                    f"Without the page cache: {database.label}, {self.study_count(port)} studies",
                    [row for row in UNCACHED_PATHS if not only_index or row in EVIDENCE_INDEX_PATHS],
                )
                if not only_index:
                    page_weight(self, port, TOPIC_PATH, PAGE_WEIGHT_TARGET_BYTES)
                studies_after = self.in_process_figures(query_database_url)
                self.uncached_throughput(
                    site_environment(query_database_url, REDIS_IN_PROCESS_URL),
                    wrk,
                    directory,
                    options,
                    static_rate,
                    f"Without the page cache, with {studies_after} studies (the copy the queries were counted on)",
                    EVIDENCE_INDEX_PATHS,
                )
                if not only_index:
                    load_test(self, wrk, port, stylesheet_path, options["load_seconds"], options["load_connections"])
                self.server_log_errors(log)
        finally:
            database.drop()

    def study_count(self, port):
        """The number of studies the evidence index says it lists ("34 studies")."""
        answer = require_ok(port, EVIDENCE_PATH)
        match = re.search(rb'class="result-count"[^>]*>(\d[\d,]*)', answer.body)
        return match.group(1).decode() if match else "?"

    def stylesheet_path(self):
        """The stylesheet's hashed URL from the manifest that collectstatic wrote, as pages link it."""
        manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
        paths = json.loads(manifest.read_text())["paths"] if manifest.exists() else {}
        return settings.STATIC_URL + paths.get(STYLESHEET, STYLESHEET)

    def throughput(self, wrk, port, stylesheet_path, options):
        """The cached rates: the page cache serves each page after its first request. Returns the static file's rate."""
        seconds, connections = options["seconds"], options["connections"]
        self.heading(
            f"Throughput and latency: wrk, {seconds} s per URL, {wrk.threads} threads, "
            f"{connections} connections, after 1 s of warm-up"
        )
        urls = [("static file", stylesheet_path)]
        if not options["evidence_index_only"]:
            urls += [("topic page", TOPIC_PATH), ("study page", STUDY_PATH)]
        urls.append(("evidence index", EVIDENCE_PATH))
        return self.wrk_rows(wrk, port, urls, options)["static file"]

    def uncached_throughput(self, env, wrk, directory, options, static_rate, title, urls):
        """The rates of pages rendered on every request: a second server whose page cache keeps nothing
        (PAGE_CACHE_SECONDS=0, so every request is a page-cache miss), the other caches warm, as after a publish."""
        port = free_port()
        env = {**env, "PAGE_CACHE_SECONDS": "0"}
        with (
            open(directory / f"gunicorn-uncached-{port}.log", "w+") as log,
            GunicornServer(
                env, port, options["workers"], options["worker_class"], options["threads"], output=log
            ) as server,
        ):
            server.wait_until_ready()
            self.heading(f"{title}; target ≥ {UNCACHED_TARGET:.2f} × the static file's {static_rate:,.0f}/s")
            cores = os.cpu_count() or 1
            self.stdout.write(
                f"  at the target, a page may take at most {cores * 1000 / (UNCACHED_TARGET * static_rate):.1f} ms "
                f"of CPU on this machine's {cores} cores (shared with wrk), routing and rendering included"
            )
            self.wrk_rows(wrk, port, urls, options, static_rate, target=UNCACHED_TARGET)
            self.server_log_errors(log, "uncached server log")

    def wrk_rows(self, wrk, port, urls, options, static_rate=None, target=None):
        """wrk on each (label, path), one row each; the rate is also shown as a share of the static file's."""
        seconds, connections = options["seconds"], options["connections"]
        self.stdout.write(
            f"  {'':15} {'path':43} {'requests/s':>10} {'p50':>9} {'p99':>9} {'÷ static':>8} {'errors':>6}  page cache"
        )
        rates = {}
        for label, path in urls:
            answer = require_ok(port, path)
            answer = require_ok(port, path)  # the second request shows whether the page cache serves it
            wrk.run(f"http://{LOOPBACK}:{port}{path}", 1, connections)
            result = wrk.run(f"http://{LOOPBACK}:{port}{path}", seconds, connections)
            rate = rates[label] = result.requests_per_second
            static_rate = static_rate or rate
            errors = result.errors.get("status", 0) + result.socket_errors
            verdict = ""
            if target is not None:
                met = rate >= target * static_rate
                verdict = "  " + (self.style.SUCCESS("target met") if met else self.style.ERROR("BELOW target"))
            self.stdout.write(
                f"  {label:15} {path:43} {rate:10,.0f} {milliseconds(result.latency_us['p50']):>9} "
                f"{milliseconds(result.latency_us['p99']):>9} {rate / static_rate:8.2f} {errors:6}  "
                f"{answer.headers.get('X-Page-Cache', '-')}{verdict}"
            )
        return rates

    def in_process_figures(self, database_url):
        """Query counts and the claim matcher, measured in a subprocess with the production settings on a copy of the
        throwaway database."""
        throwaway = {in_process.THROWAWAY_DATABASE_ENV: database_url}
        env = site_environment(database_url, REDIS_IN_PROCESS_URL, **throwaway)
        output = run_python(["-m", "explainer.devtools.in_process"], env, timeout=IN_PROCESS_TIMEOUT_SECONDS)
        lines = [line for line in output.splitlines() if line.startswith(in_process.RESULT_MARKER)]
        if not lines:
            raise CommandError(f"The in-process measurement gave no result:\n{output}")
        figures = json.loads(lines[-1][len(in_process.RESULT_MARKER) :])

        before, after = figures["studies_before"], figures["studies_after"]
        self.heading(
            "Database queries per page: Django test client in a separate process, production settings, "
            f"cache {REDIS_IN_PROCESS_URL}"
        )
        self.stdout.write(
            "  empty cache: the first request after cache.clear(); render: the page again after its "
            "page-cache entry\n  was removed (a page-cache miss, other caches warm; its time in ms, the median of "
            f"{in_process.RENDER_REPEAT}); routing: the part of that time\n  spent finding the site and reading "
            "the page, before anything is rendered; repeat: the first request again."
        )
        self.stdout.write(
            f"  Then {after - before} studies were added ({in_process.STUDY_COPIES} published copies "
            f"of each, in {figures['copy_seconds']:.1f} s) and the pages counted again."
        )
        columns = f"{'empty cache':>11} {'render':>6} {'time':>7} {'routing':>7} {'repeat':>6}"
        self.stdout.write(f"  {'':16}{f'{before} studies':^41}   {f'{after} studies':^41}".rstrip())
        self.stdout.write(f"  {'':16}{columns}   {columns}   growth")
        for label in in_process.QUERY_COUNT_PAGES:
            counts = [figures["queries"]["before"][label], figures["queries"]["after"][label]]
            cells = [
                f"{c['empty_cache']:11} {c['render']:6} {c['render_ms']:4.0f} ms {c['routing_ms']:4.0f} ms {c['repeat']:6}"
                for c in counts
            ]
            growth = max(counts[1][name] - counts[0][name] for name in ("empty_cache", "render", "repeat"))
            verdict = self.style.SUCCESS("none") if growth <= 0 else self.style.ERROR(f"+{growth} queries")
            self.stdout.write(f"  {label:16}{cells[0]}   {cells[1]}   {verdict}")

        self.stdout.write(
            "  the evidence index's render time: "
            + f"{figures['queries']['before']['evidence index']['render_ms']:.0f} ms with {before} studies, "
            + f"{figures['queries']['after']['evidence index']['render_ms']:.0f} ms with {after} "
            + f"(median of {in_process.RENDER_REPEAT} renders each)"
        )

        claims = figures["claims"]
        self.heading("Claim matcher (the logic of benchclaims, on the throwaway database's patterns)")
        self.row("patterns", f"{claims['families']} claim families, {claims['patterns']} patterns")
        self.row(
            "20,000 characters",
            f"{claims['milliseconds']:.1f} ms median of {claims['repeat']} runs ({claims['flags']} claims flagged)",
        )
        return after

    def server_log_errors(self, log, label="server log"):
        log.flush()
        log.seek(0)
        lines = [line.rstrip() for line in log if "Traceback" in line or "ERROR" in line or "CRITICAL" in line]
        if lines:
            self.stdout.write(self.style.ERROR(f"  gunicorn's log has {len(lines)} error lines; the first:"))
            for line in lines[:5]:
                self.stdout.write(f"    {line}")
        else:
            self.row(label, "no errors")

    # -----------------------------------------------------------------------------------------------------------

    def heading(self, text):
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING(text))

    def row(self, label, value):
        self.stdout.write(f"  {label + ':':20} {value}")
