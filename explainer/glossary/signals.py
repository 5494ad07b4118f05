from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .linking import bump_glossary_version
from .models import GlossaryTerm


@receiver(post_save, sender=GlossaryTerm)
@receiver(post_delete, sender=GlossaryTerm)
def glossary_changed(**kwargs):
    bump_glossary_version()
