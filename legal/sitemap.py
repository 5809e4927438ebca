"""The site map: the live pages a user may view, as a tree, in one query.

Bounded: MAX_DEPTH levels below the home page and MAX_PAGES pages in all, so that years of
news never turn it into a page nobody can read. Visibility is the single policy of
`home/visibility.py` (a restricted subtree is excluded in SQL).
"""

from dataclasses import dataclass, field

from wagtail.models import Page, Site

from home.visibility import hidden_pages_q

MAX_DEPTH = 3
MAX_PAGES = 1000


@dataclass
class Node:
    title: str
    url: str
    children: list["Node"] = field(default_factory=list)


def sitemap_for(user, site: Site, request=None) -> list[Node]:
    """The tree under the site's root page, as `user` may see it."""
    root = site.root_page
    pages = Page.objects.live().filter(
        path__startswith=root.path, depth__gt=root.depth, depth__lte=root.depth + MAX_DEPTH
    )
    hidden = hidden_pages_q(user)
    if hidden is not None:
        pages = pages.exclude(hidden)
    rows = pages.order_by("path").only("title", "path", "depth", "url_path")[:MAX_PAGES]

    top: list[Node] = []
    nodes_by_path: dict[str, Node] = {}
    for page in rows:
        node = Node(title=page.title, url=page.get_url(request))
        nodes_by_path[page.path] = node
        parent = nodes_by_path.get(page.path[: -Page.steplen])
        if page.depth == root.depth + 1:
            top.append(node)
        elif parent is not None:
            parent.children.append(node)
    return top
