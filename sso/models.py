"""Single sign-on: the email-domain table that gives a new account its structure, and the
link between a Trame account and the provider's stable identifier (`sub`)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from groups.models import Structure

domain_validator = RegexValidator(
    # Capitals and a leading @ are accepted here: clean() stores the domain without them.
    r"(?i)^\s*@?(?=.{1,253}\s*$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\s*$",
    _("Enter a domain name such as mission-locale-dijon.fr, without @."),
)


class EmailDomainStructure(models.Model):
    """« Email domain → structure »: a person signing in with SSO for the first time whose
    address ends with @<domain> joins <structure> (unless the provider names a structure)."""

    domain = models.CharField(
        _("email domain"),
        max_length=253,
        unique=True,
        validators=[domain_validator],
        help_text=_("The part after @, e.g. mission-locale-dijon.fr"),
    )
    structure = models.ForeignKey(
        Structure,
        verbose_name=_("structure"),
        on_delete=models.CASCADE,
        related_name="email_domains",
    )

    class Meta:
        ordering = ["domain"]
        verbose_name = _("email domain of a structure")
        verbose_name_plural = _("email domains of the structures")

    def __str__(self):
        return f"{self.domain} → {self.structure}"

    def save(self, *args, **kwargs):
        self.domain = (self.domain or "").strip().lower().lstrip("@")
        super().save(*args, **kwargs)

    def clean(self):
        # Typed with an @ or capitals: stored the way addresses are compared.
        self.domain = (self.domain or "").strip().lower().lstrip("@")
        if not self.domain:
            raise ValidationError({"domain": _("Enter an email domain.")})


class ProviderIdentity(models.Model):
    """The provider's account (issuer + subject) a Trame account was created or linked from."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="provider_identities",
    )
    issuer = models.CharField(_("issuer"), max_length=255)
    subject = models.CharField(_("subject"), max_length=255)
    linked_at = models.DateTimeField(_("linked at"), auto_now_add=True)
    last_login_at = models.DateTimeField(_("last login at"), auto_now=True)

    class Meta:
        verbose_name = _("provider identity")
        verbose_name_plural = _("provider identities")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="sso_unique_subject"),
            models.UniqueConstraint(fields=["issuer", "user"], name="sso_one_subject_per_user"),
        ]

    def __str__(self):
        return f"{self.user} ← {self.issuer} {self.subject}"
