from django import template

from wagtail.models import Page, Site

from home.caching import PAGES, cached
from home.models import SiteIdentitySettings

register = template.Library()


def _navigation_links(request):
    """The main navigation of the request's site: (path, url, label) of each live page."""
    identity = SiteIdentitySettings.for_request(request)
    links = []
    for block in identity.main_navigation:
        page = block.value["page"]
        if page is not None and page.live:
            links.append((page.path, page.get_url(request), block.value["label"] or page.title))
    return links


@register.simple_tag(takes_context=True)
def site_identity(context):
    """The request's site identity settings, from the cache rather than a query per page."""
    site = Site.find_for_request(context["request"])
    if site is None:
        return None
    return cached(PAGES, f"identity:{site.pk}", lambda: SiteIdentitySettings.for_site(site))


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """Links from the site identity setting; the link of the current section is marked."""
    request = context["request"]
    site = Site.find_for_request(request)
    links = cached(
        PAGES, f"navigation:{site.pk if site else 0}", lambda: _navigation_links(request)
    )
    current = context.get("page")
    return {
        "links": [
            {"url": url, "label": label, "is_current": _is_current(current, path)}
            for path, url, label in links
        ]
    }


def _is_current(current, link_path):
    if current is None:
        return False
    # The home page (depth 2) contains every page: only its own URL marks it current.
    if len(link_path) <= 2 * Page.steplen:
        return current.path == link_path
    return current.path.startswith(link_path)


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The ancestors of the current page from the site's home page down."""
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    site = Site.find_for_request(context["request"])
    root_depth = site.root_page.depth if site else 2
    ancestors = page.get_ancestors().filter(depth__gte=root_depth)
    return {"ancestors": ancestors, "page": page}
