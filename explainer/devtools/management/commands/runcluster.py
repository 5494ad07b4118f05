"""`manage.py runcluster`: the site as a small cluster on this machine, the way production runs it.

Two (or more) gunicorn instances with the production settings share one PostgreSQL database and one Redis: the
page cache, its invalidation on publish and the claim checker's rate limit are shared, so a page published
through one instance is fresh on every instance at once. The command creates the database if it is missing,
migrates, loads the content and collects the static files, then serves in the foreground until Ctrl-C, which
stops every instance.

The production settings redirect plain http:// to https:// unless the request says X-Forwarded-Proto: https, as
the TLS proxy in front of production does. Without such a proxy, on loopback, the cluster starts with
DJANGO_SECURE_SSL_REDIRECT=false so that http://127.0.0.1:8001/ answers; set DJANGO_SECURE_SSL_REDIRECT=true in
the environment when a TLS proxy forwards to it.

Not honcho or a compose file (weighed for issue 13): before serving, the command creates the database, migrates,
loads the content and collects the static files, and gives each instance its port and the shared settings; a
Procfile would still need all of that as a script beside it.
"""

import os
import secrets
import signal
import sys
import time
from urllib.parse import urlsplit, urlunsplit

from django.core.management.base import BaseCommand, CommandError

from explainer.devtools.processes import GunicornServer, gunicorn_version, prepare_site, redis_answers, site_environment

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/cluster"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/1"


def create_postgres_database(database_url):
    """Create the PostgreSQL database DATABASE_URL names if it does not exist yet; True if it was created."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    if not name:
        raise CommandError(f"{database_url} names no database.")
    maintenance_url = urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(maintenance_url, autocommit=True, connect_timeout=5) as connection:
            if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                return False
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return True
    except psycopg.OperationalError as error:
        raise CommandError(f"PostgreSQL does not answer at {parts.hostname}:{parts.port or 5432}: {error}") from error


class Command(BaseCommand):
    help = (
        "Run the site as a cluster on this machine: gunicorn instances (ports 8001 and 8002 by default) with the "
        "production settings, one PostgreSQL database and one Redis. Prepares the database first; Ctrl-C stops all."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--database-url",
            default=DEFAULT_DATABASE_URL,
            help="The shared database; created if it is a missing PostgreSQL database (default: %(default)s).",
        )
        parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL, help="The shared cache (default: %(default)s).")
        parser.add_argument("--host", default="127.0.0.1", help="The address to serve on (default: %(default)s).")
        parser.add_argument(
            "--ports",
            type=int,
            nargs="+",
            default=[8001, 8002],
            help="One gunicorn instance per port (default: 8001 8002).",
        )
        parser.add_argument("--workers", type=int, default=2, help="Worker processes per instance (default: 2).")
        parser.add_argument("--threads", type=int, default=4, help="Threads per worker (default: 4).")
        parser.add_argument("--access-log", action="store_true", help="Print every request gunicorn serves.")

    def handle(self, *args, database_url, redis_url, host, ports, workers, threads, access_log, **options):
        if len(set(ports)) != len(ports):
            raise CommandError("Give each instance its own port.")
        version = gunicorn_version()
        if not redis_answers(redis_url):
            raise CommandError(
                f"Redis does not answer at {redis_url}. The instances need a shared cache, so that "
                "a publish on one is seen by all; start Redis or give --redis-url."
            )
        if database_url.startswith(("postgres://", "postgresql://")) and create_postgres_database(database_url):
            self.stdout.write(f"Created the database {urlsplit(database_url).path.lstrip('/')}.")

        if not os.environ.get("DJANGO_SECRET_KEY"):
            self.stdout.write("DJANGO_SECRET_KEY is not set: generated one for this run (sessions end when it stops).")
        hosts = os.environ.get("DJANGO_ALLOWED_HOSTS") or "127.0.0.1,localhost"
        env = site_environment(
            database_url,
            redis_url,
            DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS=hosts,
            DJANGO_SECURE_SSL_REDIRECT=os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "false"),
        )
        self.stdout.write(f"Preparing {database_url}: migrate, loadcontent, collectstatic…")
        prepare_site(env)

        extra_arguments = ["--access-logfile", "-"] if access_log else []
        servers = [
            GunicornServer(env, port, workers, "gthread", threads, host=host, extra_arguments=extra_arguments)
            for port in ports
        ]
        previous_handler = signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
        try:
            for server in servers:
                server.start()
            for server in servers:
                server.wait_until_ready()
            self.stdout.write(
                self.style.SUCCESS(
                    f"gunicorn {version}: {len(servers)} instances × {workers} workers × {threads} threads, "
                    f"database {database_url}, cache {redis_url}"
                )
            )
            for server in servers:
                self.stdout.write(f"  {server.base_url}/en/")
            if env["DJANGO_SECURE_SSL_REDIRECT"].lower() in ("0", "false", "no"):
                self.stdout.write(
                    "  Plain http is served (no redirect to https): put a TLS proxy in front and set "
                    "DJANGO_SECURE_SSL_REDIRECT=true for real traffic."
                )
            self.stdout.write("Ctrl-C stops every instance.")
            while True:
                for server in servers:
                    if not server.running():
                        raise CommandError(
                            f"gunicorn on port {server.port} exited with code "
                            f"{server.process.returncode}; stopped the others."
                        )
                time.sleep(0.5)
        except KeyboardInterrupt:
            self.stdout.write("\nStopping…")
        finally:
            for server in servers:
                server.terminate()
            for server in servers:
                server.stop()
            signal.signal(signal.SIGTERM, previous_handler)
        self.stdout.write("Stopped every instance.")
