"""Admin forms that keep incomplete pages, studies and glossary terms out of clinical review.

Saving a draft (and autosave) accepts anything; submitting for review, publishing or approving needs both
languages (explainer.quality.completeness). Errors are shown on the field that needs the text.
"""

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from .completeness import is_submitting, missing_child_translations, missing_translations


class ReadyForReviewMixin:
    def _post_clean(self):
        super()._post_clean()
        if not self.is_bound or not is_submitting(self.data):
            return
        for field_name, message in missing_translations(self.instance).items():
            if field_name in self.fields:
                if field_name not in self.errors:
                    self.add_error(field_name, message)
            else:
                self.add_error(None, f"{field_name}: {message}")
        for message in missing_child_translations(type(self.instance), getattr(self, "formsets", {})):
            self.add_error(None, message)


class ReadyForReviewPageForm(ReadyForReviewMixin, WagtailAdminPageForm):
    pass


def require_both_languages_for_review(model):
    """Give a model's admin form the check: a page's form class is the one wagtail-modeltranslation patched, a
    snippet's Wagtail's model form unless it names its own."""
    form_class = getattr(model, "base_form_class", None) or WagtailAdminModelForm
    if not issubclass(form_class, ReadyForReviewMixin):
        model.base_form_class = type(
            f"ReadyForReview{form_class.__name__}", (ReadyForReviewMixin, form_class), {"__module__": __name__}
        )
        if hasattr(model, "get_edit_handler"):
            model.get_edit_handler.cache_clear()
