"""Level detection line by line and plan by plan, without a database: the patterns a line
is read as (numbering, level words, headings, bullets, dashes and colons after a number),
the levels given to them with their confidence, and three, two or one level(s) plans."""

import pytest

from strategy.importer import LevelsUncertain, parse_plan, read_bytes
from strategy.importer.detection import ACTION, AXIS, ORIENTATION, TEXT
from strategy.importer.outline import outline_plan
from strategy.importer.patterns import line_shape


@pytest.mark.parametrize(
    ("line", "key", "title"),
    [
        ("1. Accueillir", "num:1.", "Accueillir"),
        ("1 – Accueillir", "num:1.", "Accueillir"),
        ("1 : Accueillir", "num:1.", "Accueillir"),
        ("1.2 Accueillir", "num:1.1", "Accueillir"),
        ("1.2. Accueillir", "num:1.1", "Accueillir"),
        ("1.2.3 – Accueillir", "num:1.1.1", "Accueillir"),
        ("I. Accueillir", "num:I.", "Accueillir"),
        ("IV – Accueillir", "num:I.", "Accueillir"),
        ("I.1 Accueillir", "num:I.1", "Accueillir"),
        ("III.1.1 Accueillir", "num:I.1.1", "Accueillir"),
        ("A. Accueillir", "num:A.", "Accueillir"),
        ("a) Accueillir", "num:a)", "Accueillir"),
        ("1) Accueillir", "num:1)", "Accueillir"),
        ("- Accueillir", "puce:0", "Accueillir"),
        ("    • Accueillir", "puce:2", "Accueillir"),
        ("## Accueillir", "titre:2", "Accueillir"),
        ("Axe stratégique I – Accueillir", "mot:axe strategique", "Accueillir"),
        ("AXE STRATÉGIQUE 2 : Accueillir", "mot:axe strategique", "Accueillir"),
        ("Objectif opérationnel 1.2 : Accueillir", "mot:objectif operationnel", "Accueillir"),
        ("Objectif général — Accueillir", "mot:objectif general", "Accueillir"),
        ("Fiche action n° 3 : Accueillir", "mot:fiche action", "Accueillir"),
        ("Enjeu 1 : Accueillir", "mot:enjeu", "Accueillir"),
        ("Priorité 2 – Accueillir", "mot:priorite", "Accueillir"),
        ("Ambition 3 : Accueillir", "mot:ambition", "Accueillir"),
        ("Chantier B – Accueillir", "mot:chantier", "Accueillir"),
        ("Volet 1 : Accueillir", "mot:volet", "Accueillir"),
        ("Mesure 4 : Accueillir", "mot:mesure", "Accueillir"),
        ("Piste : Accueillir", "mot:piste", "Accueillir"),
        ("### Action 1.1 – Accueillir", "mot:action", "Accueillir"),
        ("- Action 2 : Accueillir", "mot:action", "Accueillir"),
        ("LES JEUNES DU TERRITOIRE", "maj", "Les jeunes du territoire"),
    ],
)
def test_a_line_is_read_as_its_pattern_and_its_title(line, key, title):
    shape = line_shape(line)
    assert (shape.key, shape.title) == (key, title)


@pytest.mark.parametrize(
    "line",
    [
        "Actions menées en 2023 avec les partenaires.",
        "Orientations et valeurs du réseau",
        "2024 : création de l'antenne",
        "Action a été menée avec la région.",
        "Une phrase ordinaire du préambule.",
    ],
)
def test_prose_is_no_pattern(line):
    assert line_shape(line).key is None


def detected(text, mapping=None):
    return outline_plan(read_bytes(text.encode()), mapping)


def levels_of(detection):
    return {pattern.key: pattern.level for pattern in detection.patterns}


def test_three_numbered_levels_are_orientation_axis_and_action_with_high_confidence():
    tree, detection = detected(
        "Notre projet\n1. Accueillir\n1.1 Les horaires\n1.1.1 Ouvrir le samedi\n"
        "1.1.2 Répondre vite\n2. Accompagner\n2.1 Le suivi\n2.1.1 Un référent\n"
    )
    assert levels_of(detection) == {"num:1.": ORIENTATION, "num:1.1": AXIS,
                                    "num:1.1.1": ACTION}  # fmt: skip
    assert not detection.uncertain and detection.confidence == pytest.approx(0.8)
    assert [len(o.axes) for o in tree.orientations] == [1, 1]
    assert [a.number for a in tree.actions] == ["1.1", "1.2", "2.1"]


def test_axe_above_objectif_is_the_orientation_level():
    _, detection = detected(
        "Plan\nAxe 1 : Accueillir\nObjectif 1 : Les horaires\nAction 1 : Ouvrir le samedi\n"
    )
    assert levels_of(detection) == {"mot:axe": ORIENTATION, "mot:objectif": AXIS,
                                    "mot:action": ACTION}  # fmt: skip


def test_one_level_gets_an_implicit_orientation_and_axis():
    tree = parse_plan(read_bytes(b"Plan\nAction 1 : Ouvrir le samedi\nAction 2 : Un bus\n"))
    assert [o.title for o in tree.orientations] == ["Orientation du projet"]
    assert [a.title for a in tree.axes] == ["Orientation du projet"]
    assert [a.title for a in tree.actions] == ["Ouvrir le samedi", "Un bus"]


def test_bullets_under_actions_are_their_text():
    tree, detection = detected(
        "Plan\nObjectif 1 : Accueillir\nAction 1 : Ouvrir le samedi\n- avec deux conseillers\n"
    )
    assert detection.by_key["puce:0"].level == TEXT
    assert tree.actions[0].description == ["avec deux conseillers"]


def test_a_title_on_the_line_after_its_number_is_taken():
    tree = parse_plan(read_bytes(b"Plan\nObjectif 1\nAccueillir\n- Ouvrir le samedi\n"))
    assert [a.title for a in tree.axes] == ["Accueillir"]


def test_capitals_and_bullets_alone_are_uncertain_and_say_why_in_french():
    with pytest.raises(LevelsUncertain) as error:
        parse_plan(read_bytes(b"Plan\n\nACCUEILLIR LES JEUNES\n- Ouvrir le samedi\n"))
    assert "aucune orientation trouvée avec certitude" in str(error.value)
    assert "--levels" in str(error.value)
    assert error.value.detection.uncertain


def test_a_mapping_overrides_the_detection_and_is_trusted():
    tree, detection = detected(
        "Plan\n\nACCUEILLIR LES JEUNES\n- Ouvrir le samedi\n", {"Majuscules": "axe",
                                                              "Puce": "action"}
    )  # fmt: skip
    assert not detection.uncertain
    assert [a.title for a in tree.axes] == ["Accueillir les jeunes"]
    assert detection.by_key["maj"].mapped


def test_a_table_of_contents_is_skipped_and_the_text_after_it_is_kept_and_marked():
    tree = parse_plan(
        read_bytes(
            "Projet 2025-2027\n\nSommaire\nPréambule ..... 2\nNos orientations ..... 3\n\n"
            "Un mot du président.\n\nPréambule\n\nTexte du préambule.\n\n"
            "1. Accueillir\n1.1 Les horaires\n1.1.1 Ouvrir le samedi\n".encode()
        )
    )
    assert [s.heading for s in tree.sections] == ["Préambule"]
    assert tree.unclassified == [(7, "Un mot du président.", "Préambule")]
    assert "Un mot du président." in tree.sections[0].blocks[0][1]
    assert [a.title for a in tree.actions] == ["Ouvrir le samedi"]
