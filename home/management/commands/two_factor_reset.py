from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from home.two_factor.services import two_factor_remove


class Command(BaseCommand):
    help = (
        "Remove a person's second factor (authenticator app and recovery codes) after a lost "
        "phone; an editor or administrator is asked to set up a new one at the next admin visit."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="The login of the person whose device is lost.")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(
                _("No account has the login “%(username)s”.") % {"username": username}
            )
        removed = two_factor_remove(user=user)
        if removed:
            message = _("Second factor removed for “%(username)s”: they will set up a new one.") % {
                "username": username
            }
        else:
            message = _("“%(username)s” had no second factor: nothing to remove.") % {
                "username": username
            }
        self.stdout.write(self.style.SUCCESS(message))
