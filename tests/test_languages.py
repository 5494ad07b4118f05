import pytest

pytestmark = pytest.mark.django_db

TOPIC = "/about-cirrhosis/what-is-cirrhosis/"


@pytest.mark.parametrize(
    "accept_language, expected",
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "/zh-hans/"),
        ("zh", "/zh-hans/"),
        ("zh-Hans", "/zh-hans/"),
        ("zh-TW", "/zh-hans/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_to_the_readers_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_unprefixed_page_path_redirects_to_the_same_page_in_the_readers_language(client):
    response = client.get(TOPIC, HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans" + TOPIC


@pytest.mark.parametrize("language, lang_attribute", [("en", "en"), ("zh-hans", "zh-Hans")])
def test_html_lang_and_alternates_on_every_page_type(client, html, language, lang_attribute):
    for path in ["/", "/about-cirrhosis/", TOPIC]:
        page = html(client.get(f"/{language}{path}"))
        assert page.html["lang"] == lang_attribute
        alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate")}
        assert alternates == {
            "en": f"http://testserver/en{path}",
            "zh-Hans": f"http://testserver/zh-hans{path}",
            "x-default": f"http://testserver{path}",
        }


def test_language_switch_keeps_the_reader_on_the_same_page(client, html):
    page = html(client.get(f"/en{TOPIC}"))
    switch = page.find("nav", class_="language-switch")
    link = switch.find("a", hreflang="zh-Hans")
    assert link.get_text(strip=True) == "中文"
    assert switch.find(attrs={"aria-current": "true"}).get_text(strip=True) == "English"

    response = client.get(link["href"])  # through the switch, which remembers the choice (test_language_memory)
    assert response["Location"] == f"/zh-hans{TOPIC}"
    page = html(client.get(response["Location"]))
    back = page.find("nav", class_="language-switch").find("a", hreflang="en")
    assert client.get(back["href"])["Location"] == f"/en{TOPIC}"


def test_interface_strings_are_translated(client, html):
    english = html(client.get(f"/en{TOPIC}"))
    chinese = html(client.get(f"/zh-hans{TOPIC}"))
    assert english.find("a", class_="skip-link").get_text() == "Skip to main content"
    assert chinese.find("a", class_="skip-link").get_text() == "跳到正文"
    assert english.find("a", class_="brand").get_text() == "Cirrhosis Clearly"
    assert chinese.find("a", class_="brand").get_text() == "肝硬化说明白"
    assert chinese.find("nav", class_="breadcrumbs")["aria-label"] == "导航路径"
    assert chinese.find("h2", id="sources-heading").get_text() == "资料来源"


def test_page_content_is_in_the_readers_language(client, html):
    english = html(client.get(f"/en{TOPIC}"))
    chinese = html(client.get(f"/zh-hans{TOPIC}"))
    assert english.h1.get_text() == "What is cirrhosis?"
    assert chinese.h1.get_text() == "什么是肝硬化？"
    assert "肝" in chinese.find("div", class_="content").get_text()
    assert chinese.find(class_="notice--translation") is None
    # Navigation and breadcrumbs come from the tree, in the reader's language.
    menu = [a.get_text() for a in chinese.find("nav", class_="main-menu").find_all("a")]
    assert "认识肝硬化" in menu
    crumbs = [li.get_text(strip=True) for li in chinese.find("nav", class_="breadcrumbs").find_all("li")]
    assert crumbs[-2:] == ["认识肝硬化", "什么是肝硬化？"]


def test_every_interface_string_has_a_checked_chinese_translation():
    """No empty or fuzzy (machine-guessed by makemessages) entries in the catalogue, as GNU gettext reads it."""
    import subprocess

    from django.conf import settings

    catalogue = settings.BASE_DIR / "locale/zh_Hans/LC_MESSAGES/django.po"
    for selection in ("--untranslated", "--only-fuzzy"):
        # msgattrib prints the entries it selects (with the header when there are any), and nothing when none are.
        result = subprocess.run(["msgattrib", selection, str(catalogue)], capture_output=True, text=True, check=True)
        assert result.stdout == "", result.stdout
