"""The developer tools (explainer.devtools): installed for development and tests, never in production."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import get_commands
from django.core.management.base import CommandError

from explainer.devtools.databases import drop_database, statement
from explainer.devtools.in_process import THROWAWAY_DATABASE_ENV
from explainer.devtools.management.commands.runcluster import create_postgres_database
from explainer.devtools.weight import LinkedResources
from explainer.devtools.wrk import RESULT_MARKER, lua_script


def production_environment(**extra):
    env = {name: value for name, value in os.environ.items() if name not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="explainer.settings.production",
        DJANGO_SECRET_KEY="x" * 60,
        DJANGO_ALLOWED_HOSTS="example.org",
        REDIS_URL="redis://127.0.0.1:6379/0",
        **extra,
    )
    return env


def test_benchsite_and_runcluster_are_commands_here_but_not_in_production():
    commands = get_commands()
    assert commands["benchsite"] == commands["runcluster"] == "explainer.devtools"
    result = subprocess.run(
        [sys.executable, "manage.py", "runcluster", "--help"],
        cwd=settings.BASE_DIR,
        env=production_environment(),
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0 and "Unknown command: 'runcluster'" in result.stderr


def test_the_in_process_measurement_refuses_a_database_that_benchsite_did_not_name():
    env = production_environment(DATABASE_URL="sqlite:///the-real-site.sqlite3")
    env[THROWAWAY_DATABASE_ENV] = "sqlite:///a-throwaway-copy.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "explainer.devtools.in_process"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "runs only on the throwaway database" in result.stderr
    assert not (settings.BASE_DIR / "the-real-site.sqlite3").exists()


def test_wrk_scripts_report_after_the_marker_and_post_to_the_claim_api():
    load_test = lua_script("load-test.lua", "/api/claims/check/")
    assert f'io.write("{RESULT_MARKER}", json_value(' in load_test
    assert 'wrk.format("POST", "/api/claims/check/", headers, item)' in load_test
    assert "__MARKER__" not in load_test and "__API__" not in load_test
    single_url = lua_script("single-url.lua", "/api/claims/check/")
    assert single_url.index("function report(") < single_url.index("function done(")


def test_database_names_are_quoted_as_identifiers():
    assert drop_database('bench"; DROP DATABASE site; --').as_string() == (
        'DROP DATABASE IF EXISTS "bench""; DROP DATABASE site; --" WITH (FORCE)'
    )
    assert statement("CREATE DATABASE {} TEMPLATE {}", "copy", "Bench").as_string() == (
        'CREATE DATABASE "copy" TEMPLATE "Bench"'
    )


def test_runcluster_needs_a_database_name():
    with pytest.raises(CommandError, match="names no database"):
        create_postgres_database("postgres://postgres@127.0.0.1:5432/")


@pytest.mark.django_db
def test_page_weight_counts_the_stylesheets_and_scripts_a_real_page_links(client):
    parser = LinkedResources()
    parser.feed(client.get("/en/about-cirrhosis/causes/").content.decode())
    kinds = {kind for kind, _url in parser.resources}
    urls = [url for _kind, url in parser.resources]
    assert {"stylesheet", "script"} <= kinds
    assert any(url.startswith(settings.STATIC_URL + "css/site") for url in urls)
    assert all(url.startswith(settings.STATIC_URL) for kind, url in parser.resources if kind != "image")
