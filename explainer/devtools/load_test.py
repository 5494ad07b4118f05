"""`benchsite`'s load test: 50 connections over several pages, the stylesheet and the claim API, for a bounded time."""

import itertools
import json

from explainer.caution.evaluation import load_items, sample_text

from .in_process import QUERY_COUNT_PAGES
from .loopback import LOOPBACK, require_ok
from .wrk import milliseconds

CLAIMS_API_PATH = "/api/claims/check/"
# The load test's pages, both languages; the stylesheet is added from the manifest.
LOAD_TEST_PATHS = [
    "/en/",
    QUERY_COUNT_PAGES["topic page"],
    "/zh-hans/about-cirrhosis/what-is-cirrhosis/",
    "/en/treatment/treating-the-cause/",
    "/en/stem-cells/what-the-trials-show/",
    QUERY_COUNT_PAGES["evidence index"],
    QUERY_COUNT_PAGES["study page"],
    "/zh-hans/evidence/xie-2025/",
    "/en/glossary/",
]
LOAD_TEST_CLAIM_EVERY = 5  # every fifth request of the load test is a claim check
LOAD_TEST_CLAIM_LENGTHS = (400, 1_000, 2_500)  # characters of pasted text, from the labelled sentences


def load_test(command, wrk, port, stylesheet_path, seconds, connections):
    """Print what a bounded load of pages, the stylesheet and claim checks gives."""
    pages = [*LOAD_TEST_PATHS, stylesheet_path]
    items = load_items()
    bodies = [
        json.dumps({"text": sample_text(items, length)}, ensure_ascii=False) for length in LOAD_TEST_CLAIM_LENGTHS
    ]
    page_cycle, body_cycle = itertools.cycle(pages), itertools.cycle(bodies)
    schedule = [
        next(body_cycle) if position % LOAD_TEST_CLAIM_EVERY == LOAD_TEST_CLAIM_EVERY - 1 else next(page_cycle)
        for position in range(len(pages) * len(bodies) * LOAD_TEST_CLAIM_EVERY)
    ]
    for path in pages:
        require_ok(port, path)
    for body in bodies:
        require_ok(port, CLAIMS_API_PATH, "POST", body.encode(), {"Content-Type": "application/json"})

    command.heading(
        f"Load test: {seconds} s, {connections} connections, {wrk.threads} wrk threads; "
        f"{len(pages) - 1} pages, the stylesheet, and every {LOAD_TEST_CLAIM_EVERY}th request a claim "
        f"check of {'/'.join(f'{length:,}' for length in LOAD_TEST_CLAIM_LENGTHS)} characters"
    )
    result = wrk.run(f"http://{LOOPBACK}:{port}/", seconds, connections, wrk.load_test_script, schedule)
    latency = result.latency_us
    command.row(
        "requests",
        f"{result.requests:,} in {result.seconds:.1f} s: {result.requests_per_second:,.0f}/s "
        f"(sent: {', '.join(f'{count:,} {kind}' for kind, count in sorted(result.sent.items()))})",
    )
    command.row(
        "latency",
        "  ".join(f"{name} {milliseconds(latency[name])}" for name in ("p50", "p75", "p90", "p99", "max")),
    )
    command.stdout.write("  answers by status (kind told by Content-Type):")
    for key, count in sorted(result.statuses.items(), key=lambda item: (int(item[0].split()[0]), item[0])):
        status, kind = key.split(" ", 1)
        command.stdout.write(f"    {status}  {kind:12} {count:9,}")
    statuses = [(int(key.split()[0]), count) for key, count in result.statuses.items()]
    failed = sum(count for status, count in statuses if not 200 <= status < 400)
    server_errors = sum(count for status, count in statuses if status >= 500)
    style = command.style.SUCCESS if failed == 0 else command.style.ERROR
    command.row("not 2xx/3xx", style(f"{failed:,}"))
    command.row("5xx", (command.style.SUCCESS if server_errors == 0 else command.style.ERROR)(f"{server_errors:,}"))
    errors = result.errors
    command.row(
        "socket errors",
        f"connect {errors.get('connect', 0)}, read {errors.get('read', 0)}, "
        f"write {errors.get('write', 0)}, timeout {errors.get('timeout', 0)}",
    )
