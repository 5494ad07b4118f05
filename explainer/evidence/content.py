"""How files in content/studies/ become study pages under the evidence library."""

from dataclasses import dataclass, field

from explainer.content.loader import ContentKind, PageItem, localized
from explainer.content.readers import read_slug
from explainer.content.schema import ContentError, Fields

from . import choices
from .facts import ALL_FACTS, FACT_FIELDS
from .labels import UNCONTROLLED_LABELS, evidence_label
from .models import StudyArm, StudyOutcome, StudyPage, StudySource

EVIDENCE_INDEX_SLUG = "evidence"
SOURCE_KINDS = ("doi:", "registry:", "url:", "seed:", "evidence-notes")


@dataclass
class StudyFile(PageItem):
    page_model = StudyPage
    name: str = ""
    facts: dict = field(default_factory=dict)
    texts: dict = field(default_factory=dict)
    arms: list = field(default_factory=list)
    outcomes: list = field(default_factory=list)
    sources: list = field(default_factory=list)

    def page_fields(self, page_id_for_slug):
        fields = {**localized("title", {"en": self.name, "zh-hans": self.name}), **self.facts}
        for name, text in self.texts.items():
            fields.update(localized(name, text))
        # sort_order keeps the file's order: without it PostgreSQL returns rows in whatever order it finds them.
        fields["arms"] = [
            StudyArm(
                **localized("label", arm["label"]), enrolled=arm["enrolled"], analysed=arm["analysed"], sort_order=n
            )
            for n, arm in enumerate(self.arms)
        ]
        fields["outcomes"] = [
            StudyOutcome(
                **localized("measure", o["measure"]),
                **localized("result", o["result"]),
                direction=o["direction"],
                sort_order=n,
            )
            for n, o in enumerate(self.outcomes)
        ]
        fields["fact_sources"] = [
            StudySource(
                source=s["source"],
                verified=s["verified"],
                facts=", ".join(s["facts"]),
                **localized("note", s["note"]),
                sort_order=n,
            )
            for n, s in enumerate(self.sources)
        ]
        return fields


class StudyFiles(ContentKind):
    directory = "studies"
    load_after = ("pages",)

    def parse(self, path, fields):
        key = read_slug(fields, "key")
        expected = path.rsplit("/", 1)[-1].removesuffix(".yaml")
        if key != expected:
            raise fields.error("key", f"is {key!r} but the file is named {expected}.yaml; they must match")
        facts = {
            "paper_title": fields.get("paper_title", str),
            "citation": fields.get("citation", str),
            "year": fields.get("year", int, required=False),
            "journal": fields.get("journal", str, required=False, default=""),
            "doi": fields.get("doi", str, required=False, default=""),
            "registry_id": fields.get("registry_id", str, required=False, default=""),
            "study_type": fields.choice("study_type", choices.StudyType.values),
            "randomised": fields.get("randomised", bool),
            "blinding": fields.choice("blinding", choices.Blinding.values),
            "comparator": fields.choice("comparator", choices.Comparator.values),
            "population": fields.choice("population", choices.Population.values),
            "cause": fields.choice("cause", choices.Cause.values),
            "cell_type": fields.choice("cell_type", choices.CellType.values),
            "cell_source": fields.choice("cell_source", choices.CellSource.values),
            "cell_route": fields.choice(
                "route", choices.Route.values, required=False, default=choices.Route.NOT_STATED
            ),
            "infusions": fields.get("infusions", int, required=False),
            "follow_up_weeks": fields.get("follow_up_weeks", int, required=False),
        }
        if facts["randomised"] and facts["study_type"] != choices.StudyType.RCT:
            raise fields.error("randomised", f"is true, but study_type is {facts['study_type']}, not rct")
        texts = {
            "summary": fields.translated("summary"),
            "can_and_cannot": fields.translated("can_and_cannot"),
            "authors_conclusion": fields.translated("authors_conclusion"),
            "dose": fields.translated("dose", required=False),
            "primary_endpoint": fields.translated("primary_endpoint", required=False),
            "follow_up_note": fields.translated("follow_up_note", required=False),
        }
        item = StudyFile(
            path=path,
            checksum="",
            slug=key,
            parent_slug=EVIDENCE_INDEX_SLUG,
            order=-(facts["year"] or 0),
            name=fields.get("name", str),
            facts=facts,
            texts=texts,
            arms=[
                self.arm(path, f"arms[{i}]", a)
                for i, a in enumerate(fields.get("arms", list, required=False, default=[]))
            ],
            outcomes=[
                self.outcome(path, f"outcomes[{i}]", o)
                for i, o in enumerate(fields.get("outcomes", list, required=False, default=[]))
            ],
            sources=[self.source(path, f"sources[{i}]", s) for i, s in enumerate(fields.get("sources", list))],
        )
        if not item.sources:
            raise fields.error("sources", "must list at least one source")
        self.check_directions(path, facts, item.outcomes)
        fields.check_no_unknown()
        return item

    def check_directions(self, path, facts, outcomes):
        """A study in which everyone got cells has nothing to compare with: its changes are not better or worse."""
        label = evidence_label(facts["study_type"], facts["randomised"], facts["blinding"], facts["comparator"])
        if label not in UNCONTROLLED_LABELS:
            return
        for index, outcome in enumerate(outcomes):
            if outcome["direction"] in choices.COMPARED_DIRECTIONS:
                raise ContentError(
                    path,
                    f"outcomes[{index}].direction",
                    f"is {outcome['direction']!r}, but this study has no comparison group: use "
                    f"{choices.Direction.BEFORE_AFTER.value!r} for a change from before, or {choices.Direction.UNCERTAIN.value!r}",
                )

    def arm(self, path, where, data):
        fields = Fields(path, data, where)
        arm = {
            "label": fields.translated("label"),
            "enrolled": fields.get("enrolled", int, required=False),
            "analysed": fields.get("analysed", int, required=False),
        }
        if arm["enrolled"] is not None and arm["analysed"] is not None and arm["analysed"] > arm["enrolled"]:
            raise fields.error("analysed", "is more than the number enrolled")
        fields.check_no_unknown()
        return arm

    def outcome(self, path, where, data):
        fields = Fields(path, data, where)
        outcome = {
            "measure": fields.translated("measure"),
            "result": fields.translated("result"),
            "direction": fields.choice("direction", choices.Direction.values),
        }
        fields.check_no_unknown()
        return outcome

    def source(self, path, where, data):
        fields = Fields(path, data, where)
        source = {
            "source": fields.get("source", str),
            "verified": fields.get("verified", bool),
            "facts": fields.get("facts", list),
            "note": fields.translated("note", required=False),
        }
        if not source["source"].startswith(SOURCE_KINDS):
            raise fields.error("source", f"must start with {', '.join(SOURCE_KINDS)}")
        if source["source"].startswith("url:") and not source["source"].startswith(("url:https://", "url:http://")):
            raise fields.error("source", "must give a web address after url:, starting with https:// or http://")
        unknown = [fact for fact in source["facts"] if fact != ALL_FACTS and fact not in FACT_FIELDS]
        if unknown:
            raise fields.error(
                "facts", f"names {unknown[0]!r}, which is not a study field; use {ALL_FACTS} or field names"
            )
        if not source["verified"] and not source["note"] and ALL_FACTS not in source["facts"]:
            raise ContentError(path, f"{where}.note", "is required for an unverified source: say what is unchecked")
        fields.check_no_unknown()
        return source
