"""What the people of these tests see of the search: the words and facets the tests look for, and
the checks made through the search page and the header box's suggestions."""

# In everything these tests search for, so that facet counts compare what each person sees.
SHARED = "passerelle"
KIND = "Type de contenu"
GROUP = "Groupe de travail"
STRUCTURE = "Structure productrice"
PRIVATE_GROUP = "Cercle restreint"
# The facets everyone sees for SHARED when only the library's public resource holds it.
ANCHOR_ONLY = {KIND: {"Ressource": 1}}


# Checks, as a person at a browser would make them


def assert_finds(visitor, query, title, snippet_word, *, suggest):
    page = visitor.search(query)
    hit = page.hit(title)
    assert hit is not None, (
        f"{visitor.username} searching “{query}” should find “{title}”; "
        f"the page says “{page.status}” and lists {page.titles}"
    )
    assert snippet_word.lower() in hit.snippet.lower(), (
        f"the snippet of “{title}” should show “{snippet_word}”: “{hit.snippet}”"
    )
    suggested = visitor.suggestions(suggest)
    assert title in suggested, (
        f"{visitor.username} typing “{suggest}” should be suggested “{title}”: {suggested}"
    )


def assert_does_not_find(visitor, query, title, snippet_word, *, suggest):
    page = visitor.search(query)
    assert title not in page.titles, (
        f"{visitor.username} searching “{query}” must not find “{title}”: {page.titles}"
    )
    assert all(snippet_word.lower() not in hit.snippet.lower() for hit in page.hits), (
        f"{visitor.username} must not read “{snippet_word}” in any snippet: {page.hits}"
    )
    suggested = visitor.suggestions(suggest)
    assert title not in suggested, (
        f"{visitor.username} typing “{suggest}” must not be suggested “{title}”: {suggested}"
    )


def facets(visitor, *names, query=SHARED) -> dict:
    """The facet counts the search page shows for `query` (those named only)."""
    shown = visitor.search(query).facets
    return {name: shown[name] for name in names if name in shown}


def assert_everyone_finds(visitors, title):
    for visitor in visitors:
        assert_finds(visitor, "sémaphore", title, "sémaphore", suggest="périsc")
        assert facets(visitor, KIND, GROUP) == {KIND: {"Ressource": 2}}
