import pytest
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the site as `make run` loads it: all of content/."""
    with django_db_blocker.unblock():
        call_command("loadcontent", verbosity=0)


@pytest.fixture
def html():
    from bs4 import BeautifulSoup

    def parse(response):
        assert response.status_code == 200, response.status_code
        return BeautifulSoup(response.content.decode(), "html.parser")

    return parse


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rendered pages cached by one test must not outlive its rollback."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language_afterwards():
    """A request for a Chinese page leaves Chinese active in this thread; every test starts in the default."""
    yield
    translation.deactivate()
