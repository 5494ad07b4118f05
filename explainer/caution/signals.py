from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import ClaimPattern
from .service import PATTERNS_VERSION


@receiver(post_save, sender=ClaimPattern)
@receiver(post_delete, sender=ClaimPattern)
def claim_patterns_changed(**kwargs):
    PATTERNS_VERSION.bump()
