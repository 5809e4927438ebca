"""Concurrent edits: a page's ETag names its latest revision. An update must send it back
in `If-Match` (or the revision id as `revision_id`); if someone saved a revision since,
the update is refused with 412 and nothing is written."""

from django.utils.translation import gettext as _

from api.exceptions import PreconditionFailed, PreconditionRequired


def page_etag(page) -> str:
    return f'"rev-{page.latest_revision_id or 0}"'


def with_etag(response, page):
    response["ETag"] = page_etag(page)
    return response


def check_if_match(request, page) -> None:
    sent = request.headers.get("If-Match")
    if sent is None and request.data.get("revision_id") not in (None, ""):
        sent = f'"rev-{request.data.get("revision_id")}"'
    if sent is None:
        raise PreconditionRequired(
            _(
                "Send the page's ETag in an If-Match header (or its revision_id): "
                "it prevents overwriting someone else's changes."
            )
        )
    candidates = {value.strip().removeprefix("W/") for value in sent.split(",")}
    if "*" not in candidates and page_etag(page) not in candidates:
        raise PreconditionFailed(
            _(
                "This page was changed since you read it (current revision: %(revision)s). "
                "Read it again, then resend your changes."
            )
            % {"revision": page.latest_revision_id}
        )
