"""The fixed vocabularies of a study's design. Labels are translated through gettext."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StudyType(models.TextChoices):
    RCT = "rct", _("Randomised controlled trial")
    NON_RANDOMISED_CONTROLLED = "non-randomised-controlled", _("Controlled study, not randomised")
    SINGLE_ARM = "single-arm", _("Single-arm study (everyone got the treatment)")
    CASE_SERIES = "case-series", _("Case series (a report on treated patients)")
    SYSTEMATIC_REVIEW = "systematic-review", _("Systematic review")
    NARRATIVE_REVIEW = "narrative-review", _("Narrative review")


class Blinding(models.TextChoices):
    NONE = "none", _("None: patients and doctors knew who got what")
    SINGLE = "single", _("Single-blind")
    DOUBLE = "double", _("Double-blind")
    NOT_STATED = "not-stated", _("Not stated")


class Comparator(models.TextChoices):
    PLACEBO = "placebo", _("Placebo (a dummy treatment)")
    STANDARD_CARE = "standard-care", _("Usual care only, without the treatment tested")
    OTHER_DOSE = "other-dose", _("Other doses of the same cells only")
    NONE = "none", _("No comparison group")


class Population(models.TextChoices):
    COMPENSATED = "compensated-cirrhosis", _("Compensated cirrhosis")
    DECOMPENSATED = "decompensated-cirrhosis", _("Decompensated cirrhosis")
    ACLF = "aclf", _("Acute-on-chronic liver failure")
    OTHER = "other", _("Other or mixed")


class Cause(models.TextChoices):
    HEPATITIS_B = "hepatitis-b", _("Hepatitis B")
    HEPATITIS_C = "hepatitis-c", _("Hepatitis C")
    ALCOHOL = "alcohol", _("Alcohol")
    FATTY_LIVER = "fatty-liver", _("Fatty liver disease")
    MIXED = "mixed", _("Mixed causes")
    OTHER = "other", _("Other causes")
    NOT_STATED = "not-stated", _("Not stated")


class CellType(models.TextChoices):
    UC_MSC = "uc-msc", _("Umbilical-cord mesenchymal stem cells (MSC)")
    BM_MSC = "bm-msc", _("Bone-marrow mesenchymal stem cells (MSC)")
    BM_CELLS = "bm-cells", _("Bone-marrow stem cells (mixed)")
    CD34 = "cd34", _("CD34+ blood-forming stem cells")
    CD133 = "cd133", _("CD133+ blood-forming stem cells")
    HSC = "hsc", _("Blood-forming (haematopoietic) stem cells")
    HEPLPC = "heplpc", _("Liver progenitor-like cells (HepLPC)")
    BILIARY_TREE = "biliary-tree", _("Stem cells from a fetus's bile ducts")
    COMBINATION = "combination", _("MSC and blood-forming stem cells together")
    VARIOUS = "various", _("Various (review)")
    NOT_STATED = "not-stated", _("Not stated in the sources we read")
    NONE = "none", _("None")


class CellSource(models.TextChoices):
    AUTOLOGOUS = "autologous", _("The patient's own cells")
    ALLOGENEIC = "allogeneic", _("Donor cells")
    NOT_APPLICABLE = "not-applicable", _("Not applicable")


class Route(models.TextChoices):
    PERIPHERAL_VEIN = "peripheral-vein", _("Into a vein in the arm")
    HEPATIC_ARTERY = "hepatic-artery", _("Into the liver's artery")
    PORTAL_VEIN = "portal-vein", _("Into the portal vein")
    INTRAHEPATIC = "intrahepatic", _("Into the liver")
    MIXED = "mixed", _("More than one route")
    NOT_STATED = "not-stated", _("Not stated")
    NOT_APPLICABLE = "not-applicable", _("Not applicable")


class Direction(models.TextChoices):
    """What an outcome did. Better, worse and no difference compare the treated group with a comparison group."""

    BETTER = "better", _("Better")
    NO_DIFFERENCE = "no-difference", _("No clear difference")
    WORSE = "worse", _("Worse")
    UNCERTAIN = "uncertain", _("Uncertain")
    BEFORE_AFTER = "before-after", _("Changed from before (not compared with another group)")
    NOT_REPORTED = "not-reported", _("Not reported")


# Each direction's mark, on the evidence map, in its key and beside an outcome.
DIRECTION_MARKS = {
    Direction.BETTER: "+",
    Direction.NO_DIFFERENCE: "=",
    Direction.WORSE: "−",
    Direction.UNCERTAIN: "~",
    Direction.BEFORE_AFTER: "→",
    Direction.NOT_REPORTED: "?",
}

# Directions that claim a difference from a comparison group: a study without one cannot show them.
COMPARED_DIRECTIONS = (Direction.BETTER, Direction.WORSE)
