"""Browser tests: a real server (gunicorn) on its own throwaway database, driven by Debian's Chromium."""

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

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "browser tests passphrase 1"
SITE = {}  # the running test site's environment, for tests that need to look at its database


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=600
    )
    return result.stdout


def create_admin(env):
    """A superuser 'admin' with PASSWORD in the database env points at."""
    manage(
        env,
        "shell",
        "-c",
        (
            "from django.contrib.auth import get_user_model;"
            f"get_user_model().objects.create_superuser('admin', password='{PASSWORD}')"
        ),
    )


def site_manage(*args):
    """Run a management command against the browser tests' site database."""
    return manage(SITE["env"], *args)


@pytest.fixture(scope="session")
def site_url():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is not at {CHROMIUM}: .ci/run installs Debian's chromium package.")
        pytest.skip(f"Chromium is not at {CHROMIUM} (apt-get install chromium)")
    folder = Path(tempfile.mkdtemp(prefix="browser-site-"))
    env = {
        **{key: value for key, value in os.environ.items() if key != "DATABASE_URL"},
        "DJANGO_SETTINGS_MODULE": "explainer.settings.test",
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
        "CLAIMS_RATE_LIMIT": "100000",
    }
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "loadcontent", "-v0")
    create_admin(env)
    manage(env, "createeditor", "edith", "--password", PASSWORD)
    manage(
        env,
        "createreviewer",
        "dr-li",
        "--name",
        "Dr Li Wei",
        "--role",
        "Hepatologist",
        "--role-zh",
        "肝病科医生",
        "--password",
        PASSWORD,
    )
    server, url = start_gunicorn(env, workers=1)
    SITE["env"] = env
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(folder, ignore_errors=True)


def start_gunicorn(env, workers):
    """Start gunicorn on a free loopback port; return (process, base URL) once it answers."""
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "explainer.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            "4",
            "--worker-class",
            "gthread",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    for _attempt in range(150):
        try:
            urllib.request.urlopen(f"{url}/en/", timeout=2)
            return server, url
        except OSError:
            time.sleep(0.2)
    server.terminate()
    pytest.fail("The test server did not start.")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def open_page(browser, request, **context_options):
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844}, **context_options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.console_problems = []
    page.on("console", lambda message: page.console_problems.append(message.text) if message.type == "error" else None)
    return context, page


@pytest.fixture
def page(browser, request):
    context, page = open_page(browser, request)
    yield page
    keep_screenshot_on_failure(request, page)
    context.close()


@pytest.fixture
def page_without_js(browser, request):
    context, page = open_page(browser, request, java_script_enabled=False)
    yield page
    keep_screenshot_on_failure(request, page)
    context.close()


def keep_screenshot_on_failure(request, page):
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = "".join(character if character.isalnum() else "-" for character in request.node.nodeid)[-120:]
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture
def login(page, site_url):
    def log_in(username):
        page.goto(f"{site_url}/admin/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{site_url}/admin/")

    return log_in


@pytest.fixture
def secret():
    return secrets.token_hex(4)


def click_footer_action(page, selector):
    """Click one of the admin editor's footer actions, opening the "more actions" menu when it is hidden there."""
    action = page.locator(selector).first
    if not action.is_visible():
        page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    action.click()
    page.wait_for_load_state("networkidle")
