from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .models import ClaimPattern
from .service import PATTERNS_VERSION


@receiver(post_save, sender=ClaimPattern)
@receiver(post_delete, sender=ClaimPattern)
def claim_patterns_changed(**kwargs):
    PATTERNS_VERSION.bump()


@receiver(page_published)
@receiver(page_unpublished)
def study_published_or_unpublished(instance, **kwargs):
    """The patterns cite only live studies, so a study going live or leaving changes what they cite."""
    from explainer.evidence.models import StudyPage

    if isinstance(instance, StudyPage):
        PATTERNS_VERSION.bump()
