"""Reading help in a real browser: the easier-reading mode with and without JavaScript, read-aloud with the
browser's speech synthesis (a recording stand-in, so the test hears what would be spoken), and axe in easy mode."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .test_accessibility import AXE_OPTIONS, describe

TOPIC = "/{language}/about-cirrhosis/causes/"

# A stand-in for the browser's speech synthesis that records what it is asked to say. Voices include Cantonese
# (zh-HK) before Mandarin, to show that the page picks Mandarin.
RECORDING_SPEECH = """
(() => {
  const voices = [
    {name: "Cantonese", lang: "zh-HK"}, {name: "Mandarin", lang: "zh-CN"},
    {name: "American", lang: "en-US"}, {name: "British", lang: "en-GB"},
  ];
  const speech = {
    spoken: [], paused: false, cancelled: 0, current: null,
    getVoices() { return voices; },
    speak(utterance) { this.spoken.push(utterance); this.current = utterance; },
    pause() { this.paused = true; },
    resume() { this.paused = false; },
    cancel() { this.cancelled += 1; this.current = null; },
    addEventListener() {},
    finishCurrent() { const u = this.current; this.current = null; if (u && u.onend) u.onend({}); },
  };
  class Utterance { constructor(text) { this.text = text; this.lang = ""; this.voice = null; } }
  Object.defineProperty(window, "speechSynthesis", {value: speech, configurable: true});
  Object.defineProperty(window, "SpeechSynthesisUtterance", {value: Utterance, configurable: true});
})();
"""
NO_SPEECH = """
delete Window.prototype.speechSynthesis; delete window.speechSynthesis;
delete window.SpeechSynthesisUtterance;
"""


def read_whole_page_aloud(page):
    """Start reading and let the recording stand-in finish each utterance; [text, lang, voice name] of each."""
    page.click("[data-read-aloud-start]")
    for _sentence in range(400):
        if page.evaluate("speechSynthesis.current === null"):
            break
        page.evaluate("speechSynthesis.finishCurrent()")
    return page.evaluate("speechSynthesis.spoken.map(u => [u.text, u.lang, u.voice && u.voice.name])")


def spoken_texts(spoken):
    return [text for text, _lang, _voice in spoken]


def body_font_size(page):
    return page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")


def is_easy(page):
    return page.evaluate("document.documentElement.classList.contains('reading-easy')")


def mode_button(page):
    return page.locator("form[data-reading-mode-form] button")


def test_easy_mode_without_javascript_is_remembered_across_pages(page_without_js, site_url):
    page = page_without_js
    page.goto(site_url + TOPIC.format(language="zh-hans"))
    assert not page.locator("[data-read-aloud-start]").is_visible()  # nothing to offer without JavaScript
    standard_size = body_font_size(page)
    mode_button(page).click()
    page.wait_for_url(site_url + TOPIC.format(language="zh-hans"))
    assert is_easy(page) and mode_button(page).get_attribute("aria-pressed") == "true"
    assert body_font_size(page) >= standard_size * 1.2
    page.goto(f"{site_url}/zh-hans/evidence/")
    assert is_easy(page)
    mode_button(page).click()
    page.wait_for_url(f"{site_url}/zh-hans/evidence/")
    assert not is_easy(page) and mode_button(page).get_attribute("aria-pressed") == "false"


def test_easy_mode_with_javascript_switches_without_reloading(page, site_url):
    page.goto(site_url + TOPIC.format(language="en"))
    standard_size = body_font_size(page)
    page.evaluate("window.stillTheSamePage = true")
    mode_button(page).click()
    page.wait_for_function("document.documentElement.classList.contains('reading-easy')")
    assert page.evaluate("window.stillTheSamePage") is True
    assert mode_button(page).get_attribute("aria-pressed") == "true"
    assert body_font_size(page) >= standard_size * 1.2
    cookies = {cookie["name"]: cookie for cookie in page.context.cookies()}
    assert cookies["reading_mode"]["value"] == "easy" and cookies["reading_mode"]["expires"] > 0
    # The server renders the next page in easy mode (the class is there before any script runs).
    html = page.request.get(f"{site_url}/en/glossary/").text()
    assert 'class="reading-easy"' in html
    page.goto(f"{site_url}/en/glossary/")
    assert is_easy(page)
    mode_button(page).click()
    page.wait_for_function("!document.documentElement.classList.contains('reading-easy')")
    assert "reading_mode" not in {cookie["name"] for cookie in page.context.cookies()}
    assert page.console_problems == []


@pytest.mark.parametrize(
    "path", ["/en/", TOPIC.format(language="zh-hans"), "/en/evidence/qin-2025/", "/zh-hans/glossary/"]
)
def test_easy_mode_fits_a_phone_and_has_big_targets(page, site_url, path):
    page.context.add_cookies([{"name": "reading_mode", "value": "easy", "url": site_url}])
    page.goto(site_url + path)
    assert is_easy(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    for button in page.locator(".reading-tools button:visible").all():
        assert button.bounding_box()["height"] >= 48


def test_read_aloud_speaks_the_page_in_mandarin_with_pause_and_stop(page, site_url):
    page.add_init_script(RECORDING_SPEECH)
    page.goto(site_url + TOPIC.format(language="zh-hans"))
    start = page.locator("[data-read-aloud-start]")
    pause = page.locator("[data-read-aloud-pause]")
    stop = page.locator("[data-read-aloud-stop]")
    assert start.is_visible() and start.inner_text() == "朗读本页"
    assert start.bounding_box()["height"] >= 44
    start.click()
    first = page.evaluate(
        "({text: speechSynthesis.spoken[0].text, lang: speechSynthesis.spoken[0].lang,"
        " voice: speechSynthesis.spoken[0].voice.name})"
    )
    assert first == {"text": "肝硬化的病因", "lang": "zh-CN", "voice": "Mandarin"}
    assert pause.is_visible() and stop.is_visible() and not start.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-read-aloud-pause')")
    # One sentence at a time, in page order.
    page.evaluate("speechSynthesis.finishCurrent()")
    second = page.evaluate("speechSynthesis.spoken[1].text")
    assert second and second != "肝硬化的病因" and len(second) <= 220
    pause.click()
    assert page.evaluate("speechSynthesis.paused") is True and pause.inner_text() == "继续"
    pause.click()
    assert page.evaluate("speechSynthesis.paused") is False and pause.inner_text() == "暂停"
    stop.click()
    assert page.evaluate("speechSynthesis.cancelled") >= 2 and start.is_visible() and not pause.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-read-aloud-start')")
    # A sentence that ends after Stop does not start the next one.
    count = page.evaluate("speechSynthesis.spoken.length")
    page.evaluate("speechSynthesis.spoken[speechSynthesis.spoken.length - 1].onend({})")
    assert page.evaluate("speechSynthesis.spoken.length") == count
    assert page.console_problems == []


def test_read_aloud_reads_english_pages_in_english_and_skips_hidden_text(page, site_url):
    page.add_init_script(RECORDING_SPEECH)
    page.goto(site_url + TOPIC.format(language="en"))
    spoken = read_whole_page_aloud(page)
    assert spoken[0] == ["Causes of cirrhosis", "en-GB", "British"]
    assert {lang for _text, lang, _voice in spoken} == {"en-GB"}
    text = " ".join(text for text, _lang, _voice in spoken)
    assert "Larger text" not in text and "Read aloud" not in text  # the tools themselves are not read
    assert "Short link" not in text and "doi" not in text.lower()  # nor addresses and references
    assert "Cirrhosis is not one disease with one cause." in spoken_texts(spoken)
    assert "Alcohol. Drinking too much alcohol over many years damages the liver." in text  # a list item whole
    assert page.locator("[data-read-aloud-start]").is_visible()  # back to the start when the page is done


def test_read_aloud_reads_an_english_paper_title_on_a_chinese_page_in_english(page, site_url):
    page.add_init_script(RECORDING_SPEECH)
    page.goto(f"{site_url}/zh-hans/evidence/qin-2025/")
    title = page.inner_text("cite[lang=en]")
    spoken = read_whole_page_aloud(page)
    assert [title, "en-GB", "British"] in spoken
    # The emergency rule, above the title on a study page, is read too.
    assert any("拨打 120" in text and lang == "zh-CN" for text, lang, _voice in spoken)
    assert sum(lang == "zh-CN" for _text, lang, _voice in spoken) > len(spoken) / 2


def test_read_aloud_reads_a_chinese_quote_on_an_english_page_in_mandarin(page, site_url):
    page.add_init_script(RECORDING_SPEECH)
    page.goto(f"{site_url}/en/check/example-reverse-cirrhosis/")
    page.click("[data-read-aloud-start]")
    for _sentence in range(600):
        if page.evaluate("speechSynthesis.current === null"):
            break
        page.evaluate("speechSynthesis.finishCurrent()")
    spoken = page.evaluate("speechSynthesis.spoken.map(u => [u.text, u.lang, u.voice && u.voice.name])")
    assert ["逆转肝硬化！", "zh-CN", "Mandarin"] in spoken
    assert ["Our verdict: False", "en-GB", "British"] in spoken


def test_no_read_aloud_button_without_speech_synthesis(page, site_url):
    page.add_init_script(NO_SPEECH)
    page.goto(site_url + TOPIC.format(language="en"))
    assert page.evaluate("'speechSynthesis' in window") is False
    assert not page.locator("[data-read-aloud]").is_visible()
    assert mode_button(page).is_visible()
    assert page.console_problems == []


def test_read_aloud_with_chromiums_own_speech_does_not_break_the_page(page, site_url):
    page.goto(site_url + TOPIC.format(language="en"))
    start = page.locator("[data-read-aloud-start]")
    if not start.is_visible():
        pytest.skip("this Chromium offers no voice for English")
    start.click()
    # Stop if it is still speaking. Chromium without a speech engine may end at any moment and hide the button, so
    # the check and the click happen in one step in the page, not as two steps that speech can fall between.
    page.evaluate(
        "() => { const stop = document.querySelector('[data-read-aloud-stop]'); if (!stop.hidden) stop.click(); }"
    )
    page.wait_for_function("document.querySelector('[data-read-aloud]').dataset.state === 'idle'")
    assert page.console_problems == []


@pytest.fixture
def axe_page(browser, request):
    context = browser.new_context(locale="en-GB", viewport={"width": 390, "height": 844}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("path", [TOPIC, "/{language}/evidence/", "/{language}/check/example-reverse-cirrhosis/"])
def test_no_accessibility_violations_in_easy_mode_with_read_aloud_showing(axe_page, site_url, language, path):
    axe_page.add_init_script(RECORDING_SPEECH)
    axe_page.context.add_cookies([{"name": "reading_mode", "value": "easy", "url": site_url}])
    axe_page.goto(site_url + path.format(language=language))
    assert is_easy(axe_page) and axe_page.locator("[data-read-aloud-start]").is_visible()
    axe_page.click("[data-read-aloud-start]")  # pause and stop showing too
    results = Axe().run(axe_page, options=AXE_OPTIONS)
    assert results.violations_count == 0, describe(results)
