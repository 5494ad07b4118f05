"""Outcome directions: "uncertain", and "changed from before" for studies without a comparison group, which are
never shown as better or worse."""

import shutil

import pytest
import yaml
from django.conf import settings
from django.core.management import CommandError, call_command

from explainer.evidence.models import StudyPage

pytestmark = pytest.mark.django_db

UNCONTROLLED = ["kharaziha-2009", "huang-2012", "heplpc-2025", "qin-2025", "sharma-2021"]


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(settings.CONTENT_DIR, folder)
    return folder


def edit(path, change):
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


@pytest.mark.parametrize("direction", ["better", "worse"])
def test_a_study_without_a_comparison_group_cannot_file_a_better_or_worse_outcome(content, direction):
    edit(content / "studies/kharaziha-2009.yaml", lambda data: data["outcomes"][0].update(direction=direction))
    with pytest.raises(CommandError, match=r"outcomes\[0\]\.direction.*no comparison group.*before-after"):
        call_command("loadcontent", content_dir=content, verbosity=0)


def test_a_controlled_study_may_still_be_better(content):
    edit(content / "studies/lin-2017.yaml", lambda data: data["outcomes"][0].update(direction="better"))
    call_command("loadcontent", content_dir=content, verbosity=0)
    assert StudyPage.objects.get(slug="lin-2017").outcomes.first().direction == "better"


def test_no_loaded_study_without_a_comparison_group_has_a_better_or_worse_outcome():
    for study in StudyPage.objects.live():
        if not study.has_comparison_group:
            assert {o.direction for o in study.outcomes.all()}.isdisjoint({"better", "worse"}), study.slug
    assert not StudyPage.objects.get(slug="kharaziha-2009").has_comparison_group
    assert StudyPage.objects.get(slug="cochrane-cd015173").has_comparison_group


@pytest.mark.parametrize("key", UNCONTROLLED)
def test_an_uncontrolled_study_page_shows_no_better_badge(client, html, key):
    for language in ["en", "zh-hans"]:
        page = html(client.get(f"/{language}/evidence/{key}/"))
        assert not page.select(".direction--better, .direction--worse"), key


def test_a_before_and_after_change_is_labelled_as_such_in_both_languages(client, html):
    english = html(client.get("/en/evidence/kharaziha-2009/"))
    meld = (
        english.find("table", class_="outcomes")
        .find("th", string=lambda s: s and s.startswith("MELD"))
        .find_parent("tr")
    )
    assert meld.find(class_="direction--before-after")
    assert "Changed from before (not compared with another group)" in meld.get_text()
    chinese = html(client.get("/zh-hans/evidence/kharaziha-2009/"))
    assert "与治疗前相比的变化（没有和其他组比较）" in chinese.find("table", class_="outcomes").get_text()


def test_a_better_direction_typed_in_the_admin_is_still_shown_as_a_change_from_before(client, html):
    outcome = StudyPage.objects.get(slug="kharaziha-2009").outcomes.first()
    outcome.direction = "better"
    outcome.save()
    page = html(client.get("/en/evidence/kharaziha-2009/"))
    assert not page.select(".direction--better")
    assert page.select(".direction--before-after")
    index = html(client.get("/en/evidence/"))
    row = next(g for g in index.select(".map-row") if g.find(class_="map-row__name").get_text() == "Kharaziha 2009")
    assert not row.select(".map-outcome--better") and row.select(".map-outcome--before-after")


def test_uncertain_findings_are_shown_as_uncertain(client, html):
    page = html(client.get("/en/evidence/cochrane-cd015173/"))
    cells = page.find("table", class_="outcomes").select(".direction")
    assert cells and all("direction--uncertain" in cell["class"] for cell in cells)
    assert "Uncertain" in page.find("table", class_="outcomes").get_text()


def test_the_map_legend_explains_every_direction(client, html):
    legend = html(client.get("/zh-hans/evidence/")).find("ul", class_="legend").get_text()
    assert "尚不确定" in legend and "与治疗前相比的变化（没有和其他组比较）" in legend


def test_the_admin_refuses_a_better_outcome_for_a_study_without_a_comparison_group():
    from django.core.exceptions import ValidationError

    from explainer.evidence.models import StudyOutcome

    uncontrolled = StudyPage.objects.get(slug="kharaziha-2009")
    outcome = StudyOutcome(study=uncontrolled, measure="MELD", result="Fell", direction="better")
    with pytest.raises(ValidationError) as error:
        outcome.clean()
    assert "direction" in error.value.message_dict
    outcome.direction = "before-after"
    outcome.clean()
    StudyOutcome(
        study=StudyPage.objects.get(slug="lin-2017"), measure="Survival", result="Higher", direction="better"
    ).clean()


def test_changing_a_study_to_have_no_comparison_group_makes_its_better_outcomes_invalid():
    from django.core.exceptions import ValidationError

    study = StudyPage.objects.get(slug="lin-2017")
    study.comparator = "none"
    better = next(o for o in study.outcomes.all() if o.direction == "better")
    better.study = study
    with pytest.raises(ValidationError):
        better.clean()


def test_an_outcome_on_its_study_page_has_its_directions_mark_from_the_map(client, html):
    from explainer.evidence.choices import DIRECTION_MARKS

    shown = html(client.get("/en/evidence/qin-2025/")).select(".direction")
    assert shown
    for outcome in shown:
        direction = next(name.removeprefix("direction--") for name in outcome["class"] if name != "direction")
        assert outcome.select_one(".direction__mark").get_text() == DIRECTION_MARKS[direction]
