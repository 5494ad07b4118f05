import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation

from explainer.review.models import ClinicalReviewer


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


@pytest.fixture
def editor():
    """An account in the Editors group."""
    user = get_user_model().objects.create_user("edith", password="a long password 123")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def reviewer():
    """An account in the Clinical reviewers group, with a name and role in both languages."""
    user = get_user_model().objects.create_user("dr-li", password="a long password 123")
    user.groups.add(Group.objects.get(name="Clinical reviewers"))
    ClinicalReviewer.objects.create(
        user=user, name="Dr Li Wei", role_en="Consultant hepatologist", role_zh_hans="肝病科主任医师"
    )
    return user
