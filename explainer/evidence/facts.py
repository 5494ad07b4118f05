"""The facts a study page shows and the sources they rest on, in readers' words: what StudySource entries name."""

import ipaddress
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from .models import StudySource

# The study facts that a source entry can back, by field name; "all" stands for every fact not listed elsewhere.
FACT_FIELDS = [
    "paper_title",
    "citation",
    "year",
    "journal",
    "doi",
    "registry_id",
    "study_type",
    "randomised",
    "blinding",
    "comparator",
    "arms",
    "population",
    "cause",
    "cell_type",
    "cell_source",
    "route",
    "dose",
    "infusions",
    "follow_up_weeks",
    "primary_endpoint",
    "outcomes",
    "summary",
    "can_and_cannot",
    "authors_conclusion",
]
ALL_FACTS = "all"

# What a source backs, told to readers in their words: fields that a reader sees as one thing share a phrase.
FACT_PHRASES = {
    "paper_title": _("the paper's title"),
    "citation": _("where and when it was published"),
    "year": _("where and when it was published"),
    "journal": _("where and when it was published"),
    "doi": _("the link to the paper"),
    "registry_id": _("the trial's registry number"),
    "study_type": _("how the study was designed"),
    "randomised": _("how the study was designed"),
    "blinding": _("how the study was designed"),
    "comparator": _("how the study was designed"),
    "arms": _("how many people took part"),
    "population": _("who took part"),
    "cause": _("who took part"),
    "cell_type": _("the cells and how they were given"),
    "cell_source": _("the cells and how they were given"),
    "route": _("the cells and how they were given"),
    "dose": _("the cells and how they were given"),
    "infusions": _("the cells and how they were given"),
    "follow_up_weeks": _("how long people were followed"),
    "primary_endpoint": _("the main measure"),
    "outcomes": _("the results"),
    "summary": _("the summary"),
    "can_and_cannot": _("what this study can and cannot tell you"),
    "authors_conclusion": _("the authors' conclusion"),
}

# The team's collected source documents that study files cite as seed:<name>, described as a reader would know
# them. Readers never see the name; older files name a document by its number ("seed:002_…"), which maps here too.
SEED_DOCUMENTS = {
    "heplpc-news-2025": _("a news summary of the trial (生物世界, 10 November 2025)"),
    "qin-2025-abstract": _("the paper's published abstract"),
    "jiuzhitang-2019": _("a promotional article by a stem-cell company (Jiuzhitang Maker Stem Cells, 29 July 2019)"),
    "xie-2025-company-summary": _("a summary of the review on a stem-cell company's news website (2025)"),
    "boya-advert": _("a promotional article by a stem-cell company (博雅干细胞)"),
}
SEED_NUMBERS = {
    "000": "heplpc-news-2025",
    "001": "qin-2025-abstract",
    "002": "jiuzhitang-2019",
    "003": "xie-2025-company-summary",
    "004": "boya-advert",
}


@dataclass
class FactRow:
    field: str
    label: str
    value: str
    unverified_source: "StudySource | None" = None


def is_ip_address(host):
    try:
        ipaddress.ip_address(host or "")
    except ValueError:
        return False
    return True


def registry_address(identifier):
    """The trial's page on ClinicalTrials.gov for an NCT number; other registries have no address here."""
    return f"https://clinicaltrials.gov/study/{identifier}" if identifier.upper().startswith("NCT") else ""
