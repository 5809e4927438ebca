from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.caching import cached, namespace_invalidate
from search.query import SynonymTable

SYNONYMS = "search-synonyms"


class SynonymGroup(models.Model):
    """Expressions a search treats as one: an acronym and what it stands for."""

    expressions = models.TextField(
        _("equivalent expressions"),
        help_text=_(
            "One expression per line, e.g. “CEJ” then “Contrat d'Engagement Jeune”. "
            "A search for any of them finds all of them."
        ),
    )

    panels = [FieldPanel("expressions")]
    search_fields = [index.SearchField("expressions"), index.AutocompleteField("expressions")]

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonyms")
        ordering = ["expressions"]

    def __str__(self):
        return " = ".join(self.expression_list)

    @property
    def expression_list(self) -> list[str]:
        return [line.strip() for line in self.expressions.splitlines() if line.strip()]


def synonym_table() -> SynonymTable:
    """The editors' synonyms, parsed once per change."""
    return cached(
        SYNONYMS,
        "table",
        lambda: SynonymTable([group.expression_list for group in SynonymGroup.objects.all()]),
    )


@receiver(post_save, sender=SynonymGroup)
@receiver(post_delete, sender=SynonymGroup)
def invalidate_synonyms(sender, **kwargs):
    namespace_invalidate(SYNONYMS)


class SearchQueryDay(models.Model):
    """How often a query was searched on a day, and how often it found nothing: the report of
    top and zero-result queries, and the popular queries offered on an empty results page."""

    query = models.CharField(_("query"), max_length=255)  # normalised: lowercase, one space
    date = models.DateField(_("date"))
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_result_searches = models.PositiveIntegerField(_("searches without result"), default=0)

    class Meta:
        verbose_name = _("searches of a query on a day")
        verbose_name_plural = _("searches per query and day")
        constraints = [
            models.UniqueConstraint(fields=["query", "date"], name="search_query_day_unique")
        ]
        indexes = [models.Index(fields=["date", "query"], name="search_query_day_date")]

    def __str__(self):
        return f"{self.query} ({self.date:%Y-%m-%d})"
