"""`manage.py purge_old_records`: search logs older than the retention period go, recent ones
and editors' promotions stay; other apps add their purges through the registry."""

import datetime
import io

from django.core.management import CommandError, call_command
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

import pytest

from operations import retention
from search.models import ReindexFailure, SearchQueryDay

pytestmark = pytest.mark.django_db


def purge(*arguments, answer=None, monkeypatch=None) -> str:
    if answer is not None:
        monkeypatch.setattr("builtins.input", lambda _prompt: answer)
    out = io.StringIO()
    call_command("purge_old_records", *arguments, stdout=out)
    return out.getvalue()


@pytest.fixture
def logs(home_page):
    today = timezone.localdate()
    old, recent = today - datetime.timedelta(days=400), today - datetime.timedelta(days=30)
    SearchQueryDay.objects.create(query="marie dupont", date=old, searches=2)
    SearchQueryDay.objects.create(query="mobilité", date=recent, searches=5)
    forgotten = Query.get("marie dupont")
    QueryDailyHits.objects.create(query=forgotten, date=old, hits=2)
    kept = Query.get("mobilité")
    QueryDailyHits.objects.create(query=kept, date=old, hits=1)
    QueryDailyHits.objects.create(query=kept, date=recent, hits=5)
    promoted = Query.get("cej")
    QueryDailyHits.objects.create(query=promoted, date=old, hits=9)
    SearchPromotion.objects.create(query=promoted, page=home_page, sort_order=0)
    return {"forgotten": forgotten, "kept": kept, "promoted": promoted}


def test_months_before_keeps_the_day_or_the_month_end():
    assert retention.months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert retention.months_before(datetime.date(2026, 1, 15), 13) == datetime.date(2024, 12, 15)
    assert retention.months_before(datetime.date(2024, 5, 29), 3) == datetime.date(2024, 2, 29)


def test_old_search_logs_are_purged_recent_ones_and_promotions_kept(logs):
    output = purge("--months", "12", "--noinput")

    assert list(SearchQueryDay.objects.values_list("query", flat=True)) == ["mobilité"]
    assert not Query.objects.filter(pk=logs["forgotten"].pk).exists()
    assert Query.objects.filter(pk=logs["kept"].pk).exists()
    assert Query.objects.filter(pk=logs["promoted"].pk).exists()  # an editors' promotion
    assert QueryDailyHits.objects.count() == 1
    assert "Conservation : 12 mois" in output
    assert "Supprimé : " in output and ": 1 ligne(s)" in output


def test_dry_run_and_a_refusal_delete_nothing(logs, monkeypatch):
    output = purge("--months", "12", "--dry-run")
    assert "rien n'a été supprimé" in output
    output = purge("--months", "12", answer="non", monkeypatch=monkeypatch)
    assert "Suppression annulée" in output
    assert SearchQueryDay.objects.count() == 2 and QueryDailyHits.objects.count() == 4


def test_retention_setting_is_the_default(logs, settings):
    settings.TRAME_RETENTION_MONTHS = 24
    output = purge("--noinput")
    assert "Conservation : 24 mois" in output
    assert SearchQueryDay.objects.count() == 2  # 400 days is within 24 months
    assert "Rien à supprimer" in output


def test_months_must_be_positive():
    with pytest.raises(CommandError, match="--months attend"):
        purge("--months", "0", "--noinput")


def test_other_apps_register_their_purges(db):
    """The registry notifications will use: here, resolved reindexing failures."""
    now = timezone.now()
    old = ReindexFailure.objects.create(keys=["page:1"], attempts=3, error="délai dépassé")
    ReindexFailure.objects.filter(pk=old.pk).update(failed_at=now - datetime.timedelta(days=800))
    recent = ReindexFailure.objects.create(keys=["page:2"], attempts=3, error="délai dépassé")

    def old_failures(cutoff):
        return ReindexFailure.objects.filter(failed_at__date__lt=cutoff)

    retention.register("Échecs de réindexation", old_failures)
    try:
        output = purge("--months", "12", "--noinput")
    finally:
        retention.unregister(old_failures)
    assert "Supprimé : Échecs de réindexation : 1 ligne(s)" in output
    assert list(ReindexFailure.objects.all()) == [recent]
    assert old_failures not in [rows for _label, rows in retention.purges()]
