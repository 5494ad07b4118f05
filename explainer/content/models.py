from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class LoadedFile(models.Model):
    """What `loadcontent` last wrote from one file of content/, so that it can tell a file change from an editor's."""

    path = models.CharField(max_length=255, unique=True, help_text="Path of the file, relative to content/.")
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the file as last loaded.")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    object = GenericForeignKey("content_type", "object_id")
    revision_id = models.PositiveBigIntegerField(
        null=True, help_text="The revision the loader published; a later revision means an editor changed the object."
    )
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["path"]

    def __str__(self):
        return self.path
