"""The two roles of the editorial workflow, and the workflow that joins them.

Their permissions are granted by review's data migrations, which keep their own copy of these names.
"""

EDITORS = "Editors"
CLINICAL_REVIEWERS = "Clinical reviewers"
WORKFLOW_NAME = "Clinical review"
TASK_NAME = "Clinical review"
