import hashlib
import string

from django.db import IntegrityError, models, transaction

SHORT_CODE_ALPHABET = string.ascii_lowercase.replace("l", "").replace("o", "") + "23456789"


def short_code(seed, length):
    digest = int.from_bytes(hashlib.sha256(seed.encode()).digest(), "big")
    code = []
    for _index in range(length):
        digest, remainder = divmod(digest, len(SHORT_CODE_ALPHABET))
        code.append(SHORT_CODE_ALPHABET[remainder])
    return "".join(code)


class ShortLink(models.Model):
    """/s/<code>/: a stable link to a page for clinicians to give out. It keeps working after a slug change."""

    code = models.CharField(max_length=16, unique=True)
    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="short_link")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The table the model had in the review app. Renaming it would break the app servers still running the
        # previous release while `migrate` runs (every page reads it); keeping the name needs no change at all.
        db_table = "review_shortlink"

    def __str__(self):
        return f"/s/{self.code}/"

    @classmethod
    def for_page(cls, page):
        """The page's short link, made the first time from its slug (so the same content gets the same code)."""
        existing = cls.objects.filter(page=page).first()
        if existing:
            return existing
        for length in range(6, 17):
            try:
                with transaction.atomic():
                    return cls.objects.create(page=page, code=short_code(f"{page.slug}", length))
            except IntegrityError:
                existing = cls.objects.filter(page=page).first()
                if existing:
                    return existing
        raise RuntimeError(f"no free short code for page {page.pk}")
