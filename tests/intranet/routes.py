"""Every route of the URLconf and of the routable pages, and Hypothesis strategies that fill
them (and their query strings and forms) with hostile values: random unicode, huge and
negative numbers, and the IDs of objects that exist."""

import re
from dataclasses import dataclass
from urllib.parse import quote

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from hypothesis import strategies as st

SLOT = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")

# Numbers at and around the limits of SQLite (64 bits), PostgreSQL integer columns (32
# bits) and Python's own int parsing (4,300 digits).
HUGE_NUMBERS = [
    "99999999999999999999",
    str(2**63 - 1),
    str(2**63),
    str(2**31 - 1),
    str(2**31),
    "-" + str(2**63 + 1),
    "9" * 5000,
    "1e308",
    "0",
    "-1",
    "٣",  # an Arabic-Indic digit, which int() accepts
]

# Every parameter a view of this project reads from a query string or a form, and the
# common ones of Wagtail's admin listings, with the values that mean something to them.
PARAMETERS = {
    # search, library, directory, plan, news and events
    "q": [],
    "page": [],
    "tri": ["date", "pertinence", "recent", "vues", "titre"],
    "type": ["guide", "page", "resource"],
    "thematique": ["justice", "communication"],
    "type_ressource": ["guide"],
    "structure": [],
    "groupe": [],
    "annee": ["2024", "2025"],
    "format": ["pdf", "txt"],
    "periode": ["passes"],
    "thematic": [],
    "group": [],
    "orientation": ["1", "2"],
    "statut": ["done", "in_progress"],
    "pilote": [],
    # forms of the working groups, the feed, the profile and the plan
    "follow": ["1", "0"],
    "next": ["/", "https://example.org/"],
    "digest_frequency": ["weekly", "daily", "never"],
    "message": [],
    "person": ["membre", "exterieur@trame.example"],
    "role": ["lead", "member"],
    "decision": ["approve", "refuse"],
    "title": [],
    "collection": [],
    "first_name": [],
    "last_name": [],
    "job_title": [],
    "phone": [],
    "bio": [],
    "referent_thematics": [],
    "year": ["2024", "2025"],
    "assessment": [],
    # reports and exports
    "jours": ["7", "30", "90", "365"],
    "export": ["csv", "xlsx"],
    "date_from": ["2024-01-01"],
    "date_to": ["2024-12-31"],
    # Wagtail's admin listings and forms
    "p": [],
    "ordering": ["title", "-latest_revision_created_at"],
    "collection_id": [],
    "parent_page_id": [],
    "id": [],
    "locale": ["fr"],
    "url": ["/", "https://example.org/"],
    # the REST API (api/) and its tokens page
    "page_size": ["1", "100", "101"],
    "parent_id": [],
    "action": ["draft", "submit", "publish"],
    "summary": [],
    "body": [],
    "scope": ["read", "write"],
    "expires_on": ["2030-01-01", "2000-01-01"],
    "name": [],
    # login
    "username": ["professionnel"],
    "password": [],
    "email": [],
    # proposals
    "token": ["6f1c1e9e-4a57-4d64-9a47-9e0c7f6c0a11"],
    "resource_type": [],
    "audience": ["everyone", "counsellors"],
    "description": [],
    "context": [],
    "results": [],
    "contact": [],
}

SEARCH = ["q", "tri", "page", "type", "thematique", "type_ressource", "structure", "groupe"]
LIBRARY = ["type", "thematique", "structure", "annee", "format", "tri", "page"]
PLAN = ["orientation", "thematique", "statut", "pilote"]
REPORT = ["date_from", "date_to", "export", "p", "ordering"]
PROPOSAL = ["token", "title", "summary", "thematic"]
PRACTICE = ["structure", "context", "action", "results", "contact"]

# The parameters each view reads, by route name or, for pages, by page type: they are drawn
# more often for that view than the others.
VIEW_PARAMETERS = {
    "search": [*SEARCH, "annee"],
    "search_suggestions": ["q"],
    "groups:profile_edit": [
        "first_name", "last_name", "job_title", "phone", "bio", "referent_thematics",
        "digest_frequency",
    ],
    "groups:feed": ["digest_frequency"],
    "groups:follow": ["follow", "next"],
    "groups:join": ["message"],
    "groups:member_add": ["person"],
    "groups:member_role": ["role"],
    "groups:join_request_decision": ["decision"],
    "groups:document_add": ["title", "collection"],
    "resources_visibility": ["jours", "export"],
    "resources_review_overdue": REPORT,
    "search_top_queries": REPORT,
    "search_zero_result_queries": REPORT,
    "ResourceIndexPage": LIBRARY,
    "NewsIndexPage": ["page"],
    "EventIndexPage": ["page", "periode"],
    "NetworkDirectoryPage": ["q", "structure", "thematic", "group", "page"],
    "StrategyPlanPage": [*PLAN, "year", "assessment"],
    "api:search": SEARCH,
    "api:pages": ["type", "page", "page_size"],
    "api:news": ["page", "page_size", "parent_id", "title", "summary", "body", "action"],
    "api:news_item": ["title", "summary", "body", "action"],
    "api:resources": ["page", "page_size", "parent_id", "title", "action"],
    "api:events": ["periode", "page", "page_size"],
    "api:people": ["q", "structure", "thematic", "group", "page", "page_size"],
    "api_tokens:list": ["name", "scope", "expires_on"],
    "proposals:propose_resource": [*PROPOSAL, "resource_type", "audience", "description"],
    "proposals:propose_good_practice": [*PROPOSAL, *PRACTICE],
    "proposals:edit": [*PROPOSAL, *PRACTICE, "resource_type", "audience", "description"],
}  # fmt: skip


@dataclass(frozen=True)
class Route:
    """One URL pattern, as the chain of patterns from the root URLconf down to it."""

    patterns: tuple
    name: str

    @property
    def label(self) -> str:
        return "".join(str(pattern) for pattern in self.patterns)


def urlconf_routes() -> list[Route]:
    def walk(patterns, chain, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                yield from walk(entry.url_patterns, (*chain, entry.pattern), inner)
            elif isinstance(entry, URLPattern):
                name = f"{namespace}{entry.name}" if entry.name else ""
                yield Route((*chain, entry.pattern), name)

    return list(walk(get_resolver().url_patterns, (), ""))


def routable_page_routes(pages) -> list[tuple[object, object]]:
    """(page, pattern) for each sub-route of each routable page."""
    return [(page, url.pattern) for page in pages for url in page.get_subpage_urls()]


def values(known_ids):
    """What goes into a URL slot or a parameter."""
    huge = st.sampled_from(HUGE_NUMBERS)
    return st.one_of(
        st.sampled_from(sorted(known_ids)) if known_ids else st.nothing(),
        huge,
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.text(max_size=40),
        huge,  # three times: the limits are what breaks
        huge,
    )


def _quoted(text: str, *, keep_slashes: bool = False) -> str:
    return quote(text, safe="/" if keep_slashes else "")


def pattern_strategy(pattern, slot_values):
    """A path segment for one pattern: its literal parts, and a generated value per slot."""
    if isinstance(pattern, RoutePattern):
        route = str(pattern)
        parts, position = [], 0
        for slot in SLOT.finditer(route):
            parts.append(st.just(route[position : slot.start()]))
            keep_slashes = slot.group("converter") == "path"
            parts.append(slot_values.map(lambda v, k=keep_slashes: _quoted(v, keep_slashes=k)))
            position = slot.end()
        parts.append(st.just(route[position:]))
        return st.tuples(*parts).map("".join)
    regex = pattern.regex.pattern
    matching = st.from_regex(regex, fullmatch=True).map(lambda v: _quoted(v, keep_slashes=True))
    return st.one_of(matching, slot_values.map(_quoted))


def path_strategy(route: Route, slot_values):
    return st.tuples(*(pattern_strategy(p, slot_values) for p in route.patterns)).map(
        lambda parts: "/" + "".join(parts)
    )


def routable_path_strategy(page_url: str, pattern, slot_values):
    return pattern_strategy(pattern, slot_values).map(lambda tail: page_url + tail)


def parameters_strategy(known_ids, view_names=()):
    """A query string or form: each of the view's own parameters present or not, with a
    hostile or a meaningful value, and sometimes a few of any other view's."""
    any_value = values(known_ids)

    def value_for(name):
        meaningful = PARAMETERS[name]
        return st.one_of(any_value, st.sampled_from(meaningful)) if meaningful else any_value

    others = st.lists(
        st.sampled_from(sorted(PARAMETERS)).flatmap(
            lambda name: st.tuples(st.just(name), value_for(name))
        ),
        max_size=3,
    ).map(dict)
    if not view_names:
        return others
    own = st.fixed_dictionaries({}, optional={name: value_for(name) for name in view_names})
    return st.one_of(own, own, others)
