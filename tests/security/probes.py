"""How each surface is asked whether it shows an object: a probe takes the site, the object
kind, the role's test client and user, and answers True when the surface shows the object
(one of its titles in a 200 answer; for a file, a 200 answer)."""

import html
import io
import json
import zipfile

from django.utils.html import strip_tags

from pypdf import PdfReader

from groups.follows import digest_message
from groups.selectors import feed_for
from tests.security.site import DOCUMENT_KINDS, PDF_TITLE_PREFIXES, TITLE_PREFIXES, TOKENS


def names_object(text: str, kind: str, prefixes=TITLE_PREFIXES) -> bool:
    """Whether the text names the object (a title, not the bare token a form repeats)."""
    text = " ".join(html.unescape(strip_tags(text)).split())
    return any(f"{prefix} {TOKENS[kind]}" in text for prefix in prefixes)


def _pdf_text(response) -> str:
    if response.status_code != 200 or response["Content-Type"] != "application/pdf":
        return ""
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(page.extract_text() for page in reader.pages)


def _text(response) -> str:
    if response.status_code != 200:
        return ""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    content = response.content.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        content = json.dumps(response.json(), ensure_ascii=False)
    return content


def _shows(client, url, kind) -> bool:
    return names_object(_text(client.get(url)), kind)


def _served(client, url) -> bool:
    response = client.get(url)
    if response.status_code == 200 and getattr(response, "streaming", False):
        b"".join(response.streaming_content)
    return response.status_code == 200


def page_url(site, kind, client, user):
    pages = [site.comment.page] if kind == "comment" else _trio(site, kind)
    return any(_shows(client, page.url or "/inexistant/", kind) for page in pages)


def comments(site, kind, client, user):
    """The comment section of the page, as an HTML fragment."""
    assert kind == "comment", kind
    return _shows(client, f"/commentaires/pages/{site.comment.page_id}/", kind)


def _trio(site, kind):
    return site.pages[kind].values()


def listings(site, kind, client, user):
    return _shows(client, "/actualites/", kind)


def library(site, kind, client, user):
    return _shows(client, "/ressources/", kind)


def library_pdf(site, kind, client, user):
    return names_object(_pdf_text(client.get("/ressources/pdf/")), kind)


def pdf(site, kind, client, user):
    """The PDF of a plan, and the PDF of an action sheet of that plan."""
    return any(
        names_object(_pdf_text(client.get(f"{page.url}pdf/")), kind, PDF_TITLE_PREFIXES)
        for page in site.plans[kind].values()
        if page.url
    )


def search_page(site, kind, client, user):
    return _shows(client, f"/recherche/?q={TOKENS[kind]}", kind)


def autocomplete(site, kind, client, user):
    return _shows(client, f"/recherche/suggestions/?q={TOKENS[kind]}", kind)


def facet_counts(site, kind, client, user):
    response = client.get(f"/recherche/?q={TOKENS[kind]}")
    if response.status_code != 200:
        return False
    groups = response.context.get("facet_groups") or []
    return any(option.count for group in groups for option in group.options)


def feed(site, kind, client, user):
    return _shows(client, "/reseau/mon-fil/", kind)


def digest(site, kind, client, user):
    if not user.is_authenticated:
        return False  # no account, no digest
    items = feed_for(user, since=None, limit=100)
    if not items:
        return False
    message = digest_message(user=user, items=items)
    return names_object(message.body + message.alternatives[0].content, kind)


def ical(site, kind, client, user):
    return _shows(client, f"{site.event_index.url}ical/", kind)


def csv_export(site, kind, client, user):
    return _shows(client, "/admin/reports/aging-pages/?export=csv", kind)


def admin_explorer(site, kind, client, user):
    if kind == "must_read":
        return _shows(client, "/admin/snippets/participation_notices/mustread/", kind)
    if kind == "email_domain":
        return _shows(client, "/admin/snippets/sso/emaildomainstructure/", kind)
    if kind in DOCUMENT_KINDS:
        return _shows(client, f"/admin/documents/?q={TOKENS[kind]}", kind)
    if kind == "image":
        return _shows(client, f"/admin/images/?q={TOKENS[kind]}", kind)
    return _shows(client, f"/admin/pages/{site.parents[kind].pk}/", kind)


def chooser(site, kind, client, user):
    if kind in DOCUMENT_KINDS:
        return _shows(client, "/admin/documents/chooser/", kind)
    if kind == "image":
        return _shows(client, "/admin/images/chooser/", kind)
    return _shows(client, f"/admin/choose-page/{site.parents[kind].pk}/", kind)


def chooser_search(site, kind, client, user):
    token = TOKENS[kind]
    if kind in DOCUMENT_KINDS:
        return _shows(client, f"/admin/documents/chooser/results/?q={token}", kind)
    if kind == "image":
        return _shows(client, f"/admin/images/chooser/results/?q={token}", kind)
    return _shows(client, f"/admin/choose-page/search/?q={token}", kind)


def chosen(site, kind, client, user):
    """The chooser's answer for an id typed by hand (what a block's preview would show)."""
    if kind in DOCUMENT_KINDS:
        return _shows(client, f"/admin/documents/chooser/chosen/{site.documents[kind].pk}/", kind)
    assert kind == "image", kind
    return _shows(client, f"/admin/images/chooser/chosen/{site.image.pk}/", kind)


def report(site, kind, client, user):
    return _shows(client, "/admin/reports/aging-pages/", kind)


def preview(site, kind, client, user):
    if kind == "image":
        return _served(client, f"/admin/images/{site.image.pk}/preview/fill-10x10/")
    revision = site.revisions[kind]
    url = f"/admin/pages/{revision.object_id}/revisions/{revision.pk}/view/"
    return _shows(client, url, kind)


def media_url(site, kind, client, user):
    url = {
        "restricted_document": site.document.url,
        "structure_private_document": site.documents["structure_private_document"].url,
        "document_version": site.version.url,
        "image": f"/media/{site.image.file.name}",
        "rendition": f"/media/{site.rendition.file.name}",
        "proposal": site.proposal_document.url if site.proposal_document else "",
    }[kind]
    return _served(client, url)


def import_steps(site, kind, client, user):
    """The levels step and the preview of an uploaded plan file show its tree."""
    pk = (site.new_plan_import if kind == "new_plan_import" else site.plan_import).pk
    return _shows(client, f"/admin/projet-associatif/imports/{pk}/niveaux/", kind) or _shows(
        client, f"/admin/projet-associatif/imports/{pk}/", kind
    )


_API_PAGE_LISTS = [
    "/api/v1/pages/?page_size=100",
    "/api/v1/news/?page_size=100",
    "/api/v1/events/?page_size=100",
    "/api/v1/resources/?page_size=100",
]


def _api_pages(site, kind, client) -> bool:
    if kind not in site.pages:
        return False
    urls = _API_PAGE_LISTS + [f"/api/v1/pages/{page.pk}/" for page in _trio(site, kind)]
    return any(_shows(client, url, kind) for url in urls)


def _api_search(kind, client) -> bool:
    return _shows(client, f"/api/v1/search/?q={TOKENS[kind]}", kind)


def api(site, kind, client, user):
    """The API's page lists and page details, called from the browser session."""
    return _api_pages(site, kind, client)


def api_search(site, kind, client, user):
    return _api_search(kind, client)


def api_token(site, kind, client, user):
    """The same calls with the user's personal token and no session."""
    from django.test import Client

    from api.tokens import token_create

    token_client = Client()
    if user.is_authenticated:
        _token, clear = token_create(user=user, name="Matrice", scope="read")
        token_client = Client(HTTP_AUTHORIZATION=f"Bearer {clear}")
    return _api_pages(site, kind, token_client) or _api_search(kind, token_client)


def site_map(site, kind, client, user):
    return _shows(client, "/plan-du-site/", kind)


def my_data(site, kind, client, user):
    """The JSON download, and every CSV of the zip."""
    if _shows(client, "/compte/mes-donnees/mes-donnees.json", kind):
        return True
    response = client.get("/compte/mes-donnees/mes-donnees.zip")
    if response.status_code != 200:
        return False
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return any(
        names_object(archive.read(name).decode("utf-8-sig"), kind) for name in archive.namelist()
    )


def _consultation_url(site, name, which) -> str:
    from django.urls import reverse

    return reverse(f"consultations:{name}", args=[site.consultations[which].pk])


def consultation_results_page(site, kind, client, user):
    """The results page of the consultation addressed to B; the answers of each structure
    on the results page of the secret one."""
    if _shows(client, _consultation_url(site, "results", "other"), kind):
        return True
    return "Réponses de chaque structure" in _text(
        client.get(_consultation_url(site, "results", "secret"))
    )


def consultation_results_csv(site, kind, client, user):
    """The same, in the CSV export: a row for structure A in the secret one's."""
    if _shows(client, _consultation_url(site, "results_csv", "other"), kind):
        return True
    lines = _text(client.get(_consultation_url(site, "results_csv", "secret"))).splitlines()
    return any(line.lstrip("\ufeff").startswith("Mission Locale A;") for line in lines)


def rollup(site, kind, client, user):
    """The roll-up under the regional plan names each structure's plan by its title."""
    return names_object(_text(client.get(f"{site.regional_plan.url}reseau/")), kind,
                        PDF_TITLE_PREFIXES)  # fmt: skip


def rollup_csv(site, kind, client, user):
    return names_object(_text(client.get(f"{site.regional_plan.url}reseau/csv/")), kind,
                        PDF_TITLE_PREFIXES)  # fmt: skip


def notifications(site, kind, client, user):
    return _shows(client, "/notifications/", kind)


def notification_read(site, kind, client, user):
    """Whether opening the notification's link, or marking it read, marks it read."""
    from participation.models import Notification

    unread = Notification.objects.filter(pk=site.notification.pk)
    marked = False
    for method, url in (("get", f"/notifications/{site.notification.pk}/"),
                        ("post", f"/notifications/{site.notification.pk}/lu/")):  # fmt: skip
        unread.update(read_at=None)
        getattr(client, method)(url)
        marked |= unread.filter(read_at__isnull=False).exists()
    unread.update(read_at=None)
    return marked


def home_must_read(site, kind, client, user):
    """The « À lire » panel of the home page (other panels may name the page too)."""
    content = _text(client.get("/"))
    start = content.find('aria-labelledby="home-must-read-title"')
    if start < 0:
        return False
    return names_object(content[start : content.find("</section>", start)], kind)


def must_read_report(site, kind, client, user):
    """The reach of the notice, its CSV and the confirmation page of its reminder."""
    url = f"/admin/a-lire/{site.must_read.pk}/lecture/"
    return (
        _shows(client, url, kind)
        or _served(client, f"{url}?export=csv")
        or _shows(client, f"/admin/a-lire/{site.must_read.pk}/rappel/", kind)
    )


def labelling(site, kind, client, user):
    """A structure's labelling follow-up shows its self-assessment's comments."""
    url = f"/labellisation/structures/{site.self_assessment.structure_id}/"
    return names_object(_text(client.get(url)), kind, ["Autoévaluation"])


def my_proposals(site, kind, client, user):
    return _shows(client, "/mes-propositions/", kind)


def proposal_review(site, kind, client, user):
    """The admin's edit view of the proposed pages, where reviewers approve them."""
    return any(_shows(client, f"/admin/pages/{page.pk}/edit/", kind) for page in _trio(site, kind))
