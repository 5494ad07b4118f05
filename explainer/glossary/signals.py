from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .linking import GLOSSARY_VERSION
from .models import GlossaryTerm


@receiver(post_save, sender=GlossaryTerm)
@receiver(post_delete, sender=GlossaryTerm)
def glossary_changed(**kwargs):
    GLOSSARY_VERSION.bump()
