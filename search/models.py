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
