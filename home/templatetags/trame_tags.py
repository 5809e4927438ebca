from django import template

from wagtail.models import Site

from home.models import SiteIdentitySettings

register = template.Library()


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """Links from the site identity setting; the link of the current section is marked."""
    request = context["request"]
    current = context.get("page")
    identity = SiteIdentitySettings.for_request(request)
    links = []
    for block in identity.main_navigation:
        page = block.value["page"]
        if page is None or not page.live:
            continue
        # The home page would contain every page: only its own URL marks it current.
        is_current = current is not None and (
            current.pk == page.pk
            or (not page.is_root() and page.depth > 2 and current.path.startswith(page.path))
        )
        links.append(
            {
                "url": page.get_url(request),
                "label": block.value["label"] or page.title,
                "is_current": is_current,
            }
        )
    return {"links": links}


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
