"""The two roles of the editorial workflow, and the workflow that joins them."""

EDITORS = "Editors"
CLINICAL_REVIEWERS = "Clinical reviewers"
WORKFLOW_NAME = "Clinical review"
TASK_NAME = "Clinical review"

ADMIN_PERMISSIONS = [("wagtailadmin", "admin", "access_admin")]
# Content both roles edit outside the page tree.
SNIPPET_PERMISSIONS = {
    EDITORS: [
        ("glossary", "glossaryterm", "add"),
        ("glossary", "glossaryterm", "change"),
        ("caution", "claimpattern", "add"),
        ("caution", "claimpattern", "change"),
    ],
    CLINICAL_REVIEWERS: [
        ("glossary", "glossaryterm", "add"),
        ("glossary", "glossaryterm", "change"),
        ("glossary", "glossaryterm", "delete"),
        ("caution", "claimpattern", "add"),
        ("caution", "claimpattern", "change"),
        ("caution", "claimpattern", "delete"),
    ],
}
# Editors write and submit; only clinical reviewers publish.
PAGE_PERMISSIONS = {
    EDITORS: ["add", "change", "lock"],
    CLINICAL_REVIEWERS: ["add", "change", "publish", "lock", "unlock"],
}
