import os
import secrets
import subprocess
import sys

from django.conf import settings


def manage(*args, env=None):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DJANGO_SETTINGS_MODULE": "explainer.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "cirrhosis.example.org",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = manage(
        "check",
        env={
            "DJANGO_SETTINGS_MODULE": "explainer.settings.production",
            "DJANGO_SECRET_KEY": "",
            "DJANGO_ALLOWED_HOSTS": "x.org",
        },
    )
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_models_and_migrations_agree():
    result = manage("makemigrations", "--check", "--dry-run", env={"DJANGO_SETTINGS_MODULE": "explainer.settings.test"})
    assert result.returncode == 0, result.stdout + result.stderr


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout_and_logs_each_line_once(tmp_path):
    script = (
        "import logging; from django.db import connection; cursor = connection.cursor();"
        "print(cursor.execute('PRAGMA journal_mode').fetchone()[0], cursor.execute('PRAGMA busy_timeout').fetchone()[0]);"
        "logging.getLogger('django.request').error('logged once')"
    )
    result = manage(
        "shell",
        "-v",
        "0",
        "-c",
        script,
        env={
            "DJANGO_SETTINGS_MODULE": "explainer.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'wal.sqlite3'}",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["wal", "20000"]
    assert result.stderr.count("logged once") == 1


def test_make_run_says_what_it_does_and_installs_only_the_sites_packages():
    makefile = (settings.BASE_DIR / "Makefile").read_text()
    setup = makefile[makefile.index("\nsetup:") : makefile.index("\nrun:")]
    assert ">/dev/null" not in setup and "ensureadmin --url http://$(HOST):$(PORT)/admin/" in setup
    assert "-r requirements.txt -r tests/requirements.txt" in makefile
    runtime = (settings.BASE_DIR / "requirements.txt").read_text()
    for test_tool in ["pytest", "playwright", "hypothesis", "beautifulsoup4"]:
        assert test_tool not in runtime
        assert test_tool in (settings.BASE_DIR / "tests/requirements.txt").read_text()
