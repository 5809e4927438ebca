"""iCalendar (RFC 5545) export of events, with the `icalendar` library."""

from django.http import HttpResponse
from django.utils import timezone

import icalendar


def events_calendar(events, *, request, name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Trame//Intranet//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_current_timezone_name())
    for event in events:
        calendar.add_component(_event_component(event, request))
    return calendar


def _event_component(event, request) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", f"trame-event-{event.pk}@{request.get_host()}")
    component.add("summary", event.title)
    component.add("dtstart", timezone.localtime(event.start))
    component.add("dtend", timezone.localtime(event.end))
    component.add("dtstamp", event.last_published_at or event.start)
    component.add("url", event.get_full_url(request))
    if event.summary:
        component.add("description", event.summary)
    if event.location or event.video_url:
        component.add("location", event.location or event.video_url)
    return component


def ical_response(calendar: icalendar.Calendar, *, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
