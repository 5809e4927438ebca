from django.contrib.postgres.search import SearchVectorField
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


class SearchEntry(models.Model):
    """One searchable thing (page, document, person, structure) as the database engine indexes
    it: the original text (shown in results, highlighted by the database), the facet values
    with their labels, and the locks that hide it (`search.visibility`).

    The full-text index itself lives beside it: an FTS5 table on SQLite (migration 0003),
    the `search_vector` / `suggest_vector` columns with GIN indexes on PostgreSQL.
    """

    key = models.CharField(max_length=40, unique=True)
    kind = models.CharField(max_length=30, db_index=True)
    kind_label = models.CharField(max_length=80)
    url = models.CharField(max_length=500)
    date = models.DateField(null=True, blank=True)
    year = models.CharField(max_length=4, blank=True, db_index=True)
    resource_type = models.CharField(max_length=100, blank=True, db_index=True)
    resource_type_label = models.CharField(max_length=200, blank=True)
    structure = models.CharField(max_length=100, blank=True, db_index=True)
    structure_label = models.CharField(max_length=200, blank=True)
    group = models.CharField(max_length=100, blank=True, db_index=True)
    group_label = models.CharField(max_length=255, blank=True)
    # " p3 c7 ": every lock between spaces, so "contains ' p3 '" is exact.
    locks = models.CharField(max_length=500, blank=True)
    popularity = models.PositiveIntegerField(default=0)
    # Relevance multiplier (>= 1) from popularity and recency, fixed when indexed.
    boost = models.FloatField(default=1.0)
    file_format = models.CharField(max_length=10, blank=True)
    file_size = models.PositiveBigIntegerField(null=True, blank=True)
    # The long texts come last: SQLite reads a row's columns in order, so the facet
    # columns above are read without walking through the overflow pages of these.
    title = models.TextField()
    # Extra words autocomplete matches (a person's structure), space separated.
    autocomplete = models.TextField(blank=True)
    body = models.TextField(blank=True)
    document_text = models.TextField(blank=True)
    # PostgreSQL only (filled by the engine, GIN-indexed); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    suggest_vector = SearchVectorField(null=True, editable=False)
    # Written by the database itself from the row (triggers of migration 0005), so any
    # change to a row shows in `search_check`; see `search.engines.digest`.
    digest = models.CharField(max_length=64, null=True, editable=False)
    indexed_at = models.DateTimeField(null=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")

    def __str__(self):
        return f"{self.key} {self.title}"


class SearchEntryThematic(models.Model):
    """A thematic of an entry: entries have several, and facet counts must stay exact."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="thematics")
    value = models.CharField(max_length=120)
    label = models.CharField(max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "value"], name="unique_entry_thematic")
        ]
        indexes = [models.Index(fields=["value", "entry"])]

    def __str__(self):
        return self.label


class SuggestionTerm(models.Model):
    """One word of an entry's title (or of its extra autocomplete words), folded, for the
    header box's suggestions: a prefix of the last word typed is a range of this B-tree
    index (`search.engines.suggestions`), not a full-text query. Written with the entry, in
    the same transaction; deleted with it."""

    # The unique constraint below starts with the entry: no separate index for it.
    entry = models.ForeignKey(
        SearchEntry, on_delete=models.CASCADE, related_name="suggestion_terms", db_index=False
    )
    term = models.CharField(max_length=100)
    # The entry's boost, higher for its title's first word: the order of the suggestions.
    weight = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "term"], name="unique_suggestion_term")
        ]
        indexes = [
            # Prefix ranges, byte-wise on PostgreSQL (`LIKE 'jeun%'`) whatever the collation;
            # then, for one term, its entries heaviest first.
            models.Index(
                fields=["term", "-weight", "entry"],
                name="suggestion_term_prefix",
                opclasses=["varchar_pattern_ops", "float8_ops", "int8_ops"],
            ),
        ]

    def __str__(self):
        return self.term


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


class IndexCheck(models.Model):
    """One run of `manage.py search_check` on one engine: what the index held against what
    the database says it should hold. The newest run per engine is the index's health."""

    checked_at = models.DateTimeField(_("checked at"), auto_now_add=True, db_index=True)
    engine = models.CharField(_("engine"), max_length=30)
    expected = models.PositiveIntegerField(_("expected entries"))
    indexed = models.PositiveIntegerField(_("indexed entries"))
    missing = models.PositiveIntegerField(_("missing"))
    stale = models.PositiveIntegerField(_("stale"))
    extra = models.PositiveIntegerField(_("should not be there"))
    repaired = models.BooleanField(_("repaired"), default=False)
    # A few keys of each kind of drift, for the editors' panel and the logs.
    sample = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("search index check")
        verbose_name_plural = _("search index checks")
        ordering = ["-checked_at", "-pk"]

    def __str__(self):
        return f"{self.engine} {self.checked_at:%Y-%m-%d %H:%M}"

    @property
    def drift(self) -> int:
        return self.missing + self.stale + self.extra

    @property
    def healthy(self) -> bool:
        return self.repaired or not self.drift


class ReindexFailure(models.Model):
    """Index keys whose reindexing failed after every retry. Resolved when a later reindex
    writes them, or when `search_check` finds the index right."""

    failed_at = models.DateTimeField(_("failed at"), auto_now_add=True, db_index=True)
    keys = models.JSONField(_("keys"))
    attempts = models.PositiveSmallIntegerField(_("attempts"))
    error = models.TextField(_("error"))
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("failed reindexing")
        verbose_name_plural = _("failed reindexings")
        ordering = ["-failed_at", "-pk"]

    def __str__(self):
        return f"{len(self.keys)} keys, {self.failed_at:%Y-%m-%d %H:%M}"
