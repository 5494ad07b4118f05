"""Throwaway databases for the benchmark: SQLite in a temporary directory, or a PostgreSQL database."""

import shutil
from pathlib import Path
from urllib.parse import urlsplit

from django.core.management.base import CommandError

POSTGRES_SERVER_URL = "postgres://postgres@127.0.0.1:5432/"
POSTGRES_DATABASE = "bench_site"


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
        """Run each statement on the server's maintenance database; names are passed as sql.Identifier."""
        import psycopg

        try:
            with psycopg.connect(f"{self.server_url}/postgres", autocommit=True, connect_timeout=5) as connection:
                for statement in statements:
                    connection.execute(statement)
        except psycopg.OperationalError as error:
            raise CommandError(f"PostgreSQL does not answer at {self.server_url}: {error}") from error

    def create(self):
        self._execute(drop_database(self.name), statement("CREATE DATABASE {}", self.name))

    def copy(self):
        self._execute(
            drop_database(self.copy_name), statement("CREATE DATABASE {} TEMPLATE {}", self.copy_name, self.name)
        )
        return f"{self.server_url}/{self.copy_name}"

    def drop(self):
        self._execute(drop_database(self.copy_name), drop_database(self.name))


def statement(template, *names):
    from psycopg import sql

    return sql.SQL(template).format(*(sql.Identifier(name) for name in names))


def drop_database(name):
    return statement("DROP DATABASE IF EXISTS {} WITH (FORCE)", name)
