"""The network's real plan (../shared/seeds/), altered as a person preparing a new version
might alter it by mistake or on purpose."""

TITLE_LINE = "PROJET ASSOCIATIF\n"


def without_title_line(seed_text: str) -> str:
    """The plan whose first line, its title, was left out."""
    assert seed_text.count(TITLE_LINE) == 1
    return seed_text.replace(TITLE_LINE, "", 1)


def without_orientation_4(seed_text: str) -> str:
    """The plan without its last orientation (1 orientation, 1 axis, 3 actions fewer)."""
    lines = seed_text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("Orientation 4 :"))
    end = next(i for i, line in enumerate(lines) if i > start and line.startswith("LES CONDIT"))
    return "".join(lines[:start] + lines[end:])


def renamed_action(seed_text: str, old: str, new: str) -> str:
    assert seed_text.count(old) == 1
    return seed_text.replace(old, new)
