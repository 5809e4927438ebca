"""Raw lines of a section to the blocks of `strategy.blocks.SectionContentBlock`: paragraphs,
subheadings, bulleted lists, and where the text allows it timelines (dated lists of the
history), key figures and strengths / areas for improvement."""

import re

from django.utils.html import escape

YEAR_RE = re.compile(r"^((?:19|20)\d\d(?:\s*(?:-|–|à)\s*(?:19|20)\d\d)?)\b\s*(.*)$")
FIGURE_RE = re.compile(r"^(\d[\d  .,]*%?)\s+(\D.*)$")
TERMINAL_PUNCTUATION = ".;:,!"


def _plain(text):
    from .parser import _plain as plain

    return plain(text)


def _group(items):
    """Consecutive lines into ("paragraph", text) / ("subheading", text) / ("list", items)."""
    groups = []
    for index, ((kind, *data), after_blank) in enumerate(items):
        previous = groups[-1] if groups else None
        if kind == "bullet":
            if previous and previous[0] == "list" and not after_blank:
                previous[1].append(data[0])
            else:
                groups.append(["list", [data[0]]])
            continue
        if kind == "table":
            groups.append(["paragraph", " · ".join(data[0])])
            continue
        text, indented = data[0], data[1]
        next_is_break = index + 1 == len(items) or items[index + 1][1]
        if previous and previous[0] == "list" and not after_blank:
            previous[1].append(text)  # a wrapped or undashed line of the list
        elif previous and previous[0] == "paragraph" and not after_blank:
            previous[1] += " " + text
        elif (
            after_blank
            and next_is_break
            and len(text) <= 90
            and text[-1] not in TERMINAL_PUNCTUATION
            and not indented
        ):
            groups.append(["subheading", text])
        else:
            groups.append(["paragraph", text])
    return groups


def _timeline(items):
    """A list whose items start with years, undated items taking the previous date."""
    dated = [YEAR_RE.match(item) for item in items]
    if not dated[0]:
        return None
    events, date = [], ""
    for item, match in zip(items, dated, strict=True):
        title = item
        if match and match.group(2):
            date, title = match.group(1), match.group(2)
        elif match:
            date, title = match.group(1), ""
        if not title:
            continue
        event = {"date": date[:40], "title": title, "text": ""}
        if len(title) > 200:
            event["title"], event["text"] = title[:199] + "…", title
        events.append(event)
    return {"heading": "", "events": events} if events else None


def _key_figures(heading, items):
    figures = []
    for item in items:
        # A figure and its label are short; matching a long item could backtrack at length.
        match = FIGURE_RE.match(item) if len(item) <= 160 else None
        if not match or len(match.group(2)) > 120 or len(match.group(1).strip()) > 30:
            return None
        figures.append({"figure": match.group(1).strip(), "label": match.group(2).strip()})
    return {"heading": heading[:120], "figures": figures}


def build_section_blocks(kind: str, items) -> list[tuple[str, object]]:
    groups = _group(items)
    blocks = []
    index = 0
    while index < len(groups):
        group = groups[index]
        following = groups[index + 1] if index + 1 < len(groups) else None
        if group[0] == "subheading" and following and following[0] == "list":
            plain = _plain(group[1])
            if "chiffres cl" in plain and (figures := _key_figures(group[1], following[1])):
                blocks.append(("key_figures", figures))
                index += 2
                continue
            if plain.startswith("points forts"):
                index = _assessment(groups, index, blocks)
                continue
        if group[0] == "list":
            timeline = _timeline(group[1]) if kind == "history" else None
            if timeline:
                blocks.append(("timeline", timeline))
            else:
                blocks.append(("bullet_list", group[1]))
        elif group[0] == "subheading":
            blocks.append(("subheading", group[1][:200]))
        else:
            blocks.append(("paragraph", f"<p>{escape(group[1])}</p>"))
        index += 1
    return blocks


def _assessment(groups, index, blocks) -> int:
    """“Points forts” + list, then “Axes d'amélioration” + list, under a domain subheading."""
    domain = ""
    if blocks and blocks[-1][0] == "subheading":
        domain = blocks.pop()[1]
    value = {"domain": domain or groups[index][1], "strengths": groups[index + 1][1],
             "improvements": []}  # fmt: skip
    index += 2
    if (
        index + 1 < len(groups)
        and groups[index][0] == "subheading"
        and "amelioration" in _plain(groups[index][1])
        and groups[index + 1][0] == "list"
    ):
        value["improvements"] = groups[index + 1][1]
        index += 2
    blocks.append(("assessment", value))
    return index
