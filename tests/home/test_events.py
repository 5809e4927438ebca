import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

import icalendar
import pytest

from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def test_one_event_downloads_as_ical(professional_client, site_pages):
    event = site_pages["event"]
    response = professional_client.get(f"{event.url}ical/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    [component] = calendar.walk("VEVENT")
    assert str(component["summary"]) == "Comité des directions"
    assert component.decoded("dtstart") == event.start.replace(microsecond=0)
    assert str(component["location"]) == "Dijon"


def test_the_feed_lists_upcoming_events_only(professional_client, site_pages, event_index):
    past_start = timezone.now() - datetime.timedelta(days=30)
    EventPageFactory(
        parent=event_index, title="Réunion passée", start=past_start,
        end=past_start + datetime.timedelta(hours=1),
    )  # fmt: skip
    response = professional_client.get("/agenda/ical/")
    summaries = [
        str(c["summary"]) for c in icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    ]
    assert summaries == ["Comité des directions"]
    past_listing = professional_client.get("/agenda/?periode=passes").content.decode()
    assert "Réunion passée" in past_listing and "Comité des directions" not in past_listing


def test_an_event_cannot_end_before_it_starts(site_pages):
    event = site_pages["event"]
    event.end = event.start - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict["end"] == ["La fin doit être postérieure au début."]
