import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError


def create_member(username, email, group_name, password=None):
    """Create (or find) a user and put them in the group; return (user, password or None)."""
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults={"email": email or ""})
    generated = None
    if created:
        generated = password or secrets.token_urlsafe(12)
        try:
            validate_password(generated, user)
        except ValidationError as error:
            user.delete()
            raise CommandError(" ".join(error.messages)) from error
        user.set_password(generated)
        user.is_staff = False
        user.save()
    try:
        user.groups.add(Group.objects.get(name=group_name))
    except Group.DoesNotExist as error:
        raise CommandError(f'The "{group_name}" group is missing: run migrate first.') from error
    return user, generated
