from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.search import index


class Structure(index.Indexed, models.Model):
    """A member structure of the network: the regional association or a Mission Locale."""

    class Kind(models.TextChoices):
        ARML = "arml", _("Regional association (ARML)")
        MISSION_LOCALE = "mission_locale", _("Mission Locale")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.MISSION_LOCALE)
    departments = models.CharField(
        _("departments"), max_length=60, blank=True, help_text=_("Department numbers, e.g. 21, 71")
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    address = models.TextField(_("address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    # Under images/: the only media folder served (to logged-in users) outside Wagtail's views.
    logo = models.ImageField(_("logo"), upload_to="images/structures/", blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    # Casts the structure's voice in consultations and names its space's editors, unless
    # they delegate; regional editors may change it.
    director = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("director"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="directed_structures",
    )

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("short_name", boost=3),
        index.SearchField("city"),
        index.FilterField("kind"),
        index.FilterField("is_active"),
    ]

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("structure")
        verbose_name_plural = _("structures")

    def __str__(self):
        return self.name


class Thematic(index.Indexed, models.Model):
    """A thematic of the network's work, led by one or more "chefs de file"."""

    class Colour(models.TextChoices):
        # Dark enough for white text (contrast ≥ 4.5:1).
        BLUE = "#1f4e79", _("Blue")
        GREEN = "#1e6b3a", _("Green")
        PURPLE = "#5b3a8c", _("Purple")
        RED = "#a4262c", _("Red")
        TEAL = "#0e6566", _("Teal")
        BROWN = "#7a4a12", _("Brown")
        GREY = "#4b5563", _("Grey")
        PINK = "#9d2463", _("Pink")

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=False)
    description = models.TextField(_("description"), blank=True)
    colour = models.CharField(_("colour"), max_length=7, choices=Colour, default=Colour.BLUE)
    lead_structures = models.ManyToManyField(
        Structure,
        verbose_name=_("lead structures (chefs de file)"),
        blank=True,
        related_name="led_thematics",
    )
    lead_people = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lead people (chefs de file)"),
        blank=True,
        related_name="led_thematics",
    )

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("thematic")
        verbose_name_plural = _("thematics")

    def __str__(self):
        return self.name

    @property
    def colour_key(self) -> str:
        """The colour's name for CSS classes (`colour--blue`): the CSP forbids style attributes."""
        try:
            return self.Colour(self.colour).name.lower()
        except ValueError:
            return self.Colour.BLUE.name.lower()


class JobRole(models.Model):
    """A job found in every Mission Locale (conseiller·ère, direction…): notices,
    consultations and news can target a role across the whole network."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("job role")
        verbose_name_plural = _("job roles")

    def __str__(self):
        return self.name


class Profile(models.Model):
    """A professional of the network: the user's structure, job, referent roles and how
    often they want the digest of what they follow."""

    class DigestFrequency(models.TextChoices):
        OFF = "off", _("Never")
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="profile",
    )
    structure = models.ForeignKey(
        Structure,
        verbose_name=_("structure"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="profiles",
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    job_role = models.ForeignKey(
        JobRole,
        verbose_name=_("job role"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="profiles",
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    bio = models.TextField(_("short bio"), max_length=600, blank=True)
    photo = models.ImageField(_("photo"), upload_to="images/profiles/", blank=True)
    referent_thematics = models.ManyToManyField(
        Thematic,
        verbose_name=_("referent for"),
        blank=True,
        related_name="referents",
        help_text=_("The thematics this person is the referent for in their structure."),
    )
    digest_frequency = models.CharField(
        _("digest email"),
        max_length=10,
        choices=DigestFrequency,
        default=DigestFrequency.WEEKLY,
    )
    digest_sent_at = models.DateTimeField(_("last digest sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()
