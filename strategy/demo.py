"""Demo projet associatif: a plan with the seed plan's shape (orientations → axes → actions,
values, missions, history), written in our own words, with statuses, indicators for 2024
and 2025 and the 2024 yearly review; the common model (trame) and one member's own plan."""

import datetime

from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Site

from groups.models import Structure, Thematic
from home.models import ContentPage, HomePage, SiteIdentitySettings
from strategy.models import (
    ActionPage,
    AxisPage,
    IndicatorValue,
    OrientationPage,
    StrategyPlanPage,
)
from strategy.services import plan_close_year

PLAN_SLUG = "projet-associatif"
MODEL_SLUG = "modele-de-projet-associatif"

# (orientation, [(axis, [(title, thematic slug, pilot short name, 2024 state, 2025 state)])]);
# a state is (status, progress).
S = ActionPage.Status
PLAN = [
    ("Faire vivre une culture commune entre les Missions Locales", [
        ("Associer davantage les élus et les directions à la vie de l'association", [
            ("Réunir chaque année présidences et directions en un séminaire commun", "labellisation", "ARML BFC", (S.IN_PROGRESS, 30), (S.IN_PROGRESS, 60)),
            ("Proposer un binôme d'accueil aux présidents nouvellement élus", "", "ML Jura Nord", (S.NOT_STARTED, 0), (S.NOT_STARTED, 0)),
        ]),
        ("Faire connaître les ressources produites par le réseau", [
            ("Ouvrir l'animation régionale à de nouveaux métiers", "formation", "ARML BFC", (S.NOT_STARTED, 0), (S.IN_PROGRESS, 30)),
            ("Publier toutes les ressources régionales sur l'intranet Trame", "communication", "ARML BFC", (S.IN_PROGRESS, 20), (S.IN_PROGRESS, 60)),
        ]),
        ("Adapter le plan régional de formation aux besoins des équipes", [
            ("Recueillir chaque année les besoins de formation des équipes", "formation", "ARML BFC", (S.IN_PROGRESS, 50), (S.DONE, 100)),
        ]),
    ]),
    ("Porter la voix des Missions Locales auprès des pouvoirs publics", [
        ("Être présent là où se décident les politiques pour les jeunes", [
            ("Siéger au comité régional pour l'emploi au nom du réseau", "france-travail", "ARML BFC", (S.IN_PROGRESS, 40), (S.IN_PROGRESS, 70)),
            ("Outiller les directions pour les comités départementaux pour l'emploi", "france-travail", "ML Jura Nord", (S.NOT_STARTED, 0), (S.POSTPONED, 10)),
        ]),
        ("Resserrer les liens avec l'union nationale", [
            ("Organiser deux rencontres par an avec l'union nationale", "", "ARML BFC", (S.IN_PROGRESS, 50), (S.IN_PROGRESS, 50)),
        ]),
    ]),
    ("Développer des projets utiles à tout le réseau", [
        ("Anticiper les évolutions des politiques publiques et du numérique", [
            ("Préparer les équipes au futur système d'information", "formation", "ML Grand Besançon", (S.NOT_STARTED, 0), (S.IN_PROGRESS, 20)),
            ("Repérer les appels à projets et aider à y répondre", "financement", "ML Dijon", (S.NOT_STARTED, 0), (S.NOT_STARTED, 0)),
        ]),
        ("Consolider et élargir la mutualisation", [
            ("Garantir le financement des services partagés existants", "financement", "ML Chalon", (S.IN_PROGRESS, 30), (S.IN_PROGRESS, 45)),
            ("Étudier un achat groupé de véhicules de service", "labellisation", "ML Grand Besançon", (S.IN_PROGRESS, 10), (S.ABANDONED, 10)),
        ]),
        ("Accompagner la labellisation et l'amélioration continue", [
            ("Créer un pôle d'appui à la labellisation", "labellisation", "ARML BFC", (S.IN_PROGRESS, 60), (S.DONE, 100)),
        ]),
        ("Donner davantage la parole aux jeunes", [
            ("Réunir un groupe régional sur la participation des jeunes", "", "ML Mâcon", (S.NOT_STARTED, 0), (S.POSTPONED, 0)),
        ]),
    ]),
    ("Affirmer la place des Missions Locales sur les territoires", [
        ("Mieux faire connaître les Missions Locales", [
            ("Mener chaque année une campagne régionale de communication", "communication", "ML Vesoul", (S.IN_PROGRESS, 50), (S.IN_PROGRESS, 60)),
            ("Faire circuler les partenariats locaux qui fonctionnent", "relation-entreprises", "ML Beaune", (S.NOT_STARTED, 0), (S.IN_PROGRESS, 15)),
            ("Publier un observatoire annuel de la situation des jeunes", "observatoire", "ML Auxerre", (S.IN_PROGRESS, 20), (S.IN_PROGRESS, 40)),
        ]),
    ]),
]  # fmt: skip

# (action number, name, unit, baseline, target, direction, {year: (value, comment)})
INDICATORS = [
    ("2.2", "Ressources publiées sur l'intranet", "ressources", 80, 400, "increase", {2024: (120, "Reprise des guides existants"), 2025: (310, "")}),
    ("2.2", "Téléchargements par mois", "téléchargements", 300, 1500, "increase", {2024: (420, ""), 2025: (980, "Effet de la recherche plein texte")}),
    ("3.1", "Sessions de formation organisées", "sessions", 60, 75, "increase", {2024: (68, ""), 2025: (74, "")}),
    ("7.1", "Missions Locales utilisant un service partagé", "Missions Locales", 20, 26, "increase", {2024: (22, ""), 2025: (24, "")}),
    ("8.1", "Missions Locales labellisées", "Missions Locales", 0, 26, "increase", {2024: (6, "Premières visites d'évaluation"), 2025: (15, "")}),
    ("10.1", "Visiteurs du site portail", "visiteurs", 35000, 45000, "increase", {2024: (38000, ""), 2025: (42500, "Campagne de rentrée")}),
]  # fmt: skip

REVIEW_2024 = (
    "Première année de mise en œuvre : les séminaires communs ont repris, le pôle d'appui à "
    "la labellisation accompagne ses premières structures et l'intranet rassemble déjà une "
    "centaine de ressources. Les actions liées aux jeunes et aux partenariats locaux "
    "attendent encore leurs pilotes."
)


def _paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


def _section(kind, heading, *content):
    return (kind, {"heading": heading, "content": list(content)})


PLAN_SECTIONS = [
    _section("preamble", "Préambule", _paragraph(
        "Ce projet fixe le cap de l'association régionale pour quatre ans. Il a été écrit avec "
        "les présidences et les directions des Missions Locales, puis adopté en assemblée "
        "générale. Il vit ici : chaque action a sa fiche, son pilote et ses indicateurs.")),
    _section("history", "Qui sommes-nous ?",
        _paragraph("L'association régionale est née en 2017 du rapprochement de deux "
                   "associations plus anciennes, chacune avec sa propre histoire d'entraide."),
        ("timeline", {"heading": "Quelques repères", "events": [
            {"date": "2016", "title": "Un séminaire fondateur réunit élus et directeurs", "text": ""},
            {"date": "2017", "title": "Création de l'association régionale", "text": ""},
            {"date": "2018", "title": "Ouverture d'un premier intranet commun", "text": ""},
            {"date": "2024", "title": "Refonte concertée du projet associatif", "text": ""},
        ]}),
        ("key_figures", {"heading": "Le réseau aujourd'hui", "figures": [
            {"figure": "26", "label": "Missions Locales adhérentes"},
            {"figure": "229", "label": "lieux d'accueil"},
            {"figure": "41 000", "label": "jeunes accompagnés par an"},
        ]})),
    _section("review", "Ce que nous faisons bien, ce que nous voulons améliorer",
        ("assessment", {"domain": "Vie associative",
                        "strengths": ["Tous les territoires sont représentés dans les instances",
                                      "Des décisions préparées ensemble par élus et directions"],
                        "improvements": ["Ouvrir davantage les instances aux nouveaux élus"]}),
        ("assessment", {"domain": "Animation du réseau",
                        "strengths": ["Une équipe régionale disponible et réactive"],
                        "improvements": ["Rendre les ressources produites plus faciles à trouver",
                                         "Mieux partager les innovations locales"]})),
    _section("values", "Nos valeurs", ("bullet_list", [
        "Chaque territoire compte, quelle que soit sa taille",
        "Une Mission Locale, une voix",
        "Faire ensemble plutôt que chacun de son côté",
        "Tous les jeunes, quelle que soit leur situation",
        "Le sens du service public",
    ])),
    _section("missions", "Nos missions", ("bullet_list", [
        "Faire se rencontrer les équipes et les élus du réseau",
        "Représenter les Missions Locales auprès des partenaires régionaux",
        "Former les professionnels et partager les ressources",
        "Porter des projets et des services mutualisés",
    ])),
    _section("orientations", "Nos orientations", _paragraph(
        "Quatre orientations, déclinées en axes puis en fiches actions suivies chaque année.")),
    _section("conditions", "Comment nous suivrons ce projet",
        _paragraph("Chaque fiche action a un pilote et des indicateurs. Un bilan est dressé à "
                   "la fin de chaque année et un point d'étape réunit le réseau à mi-parcours."),
        ("bullet_list", ["Un bilan annuel publié sur Trame", "Un point d'étape après deux ans"])),
]  # fmt: skip


def _guided(kind, heading, guidance, required):
    """A section of the common model: a heading and what each structure should write."""
    return (kind, {"heading": heading, "guidance": guidance, "required": required,
                   "content": []})  # fmt: skip


MODEL_SECTIONS = [
    _guided("preamble", "Préambule",
            "Dites en quelques lignes pourquoi votre structure se dote de ce projet et comment "
            "il a été préparé. Section facultative.", False),
    _guided("history", "Notre histoire",
            "Racontez la création de votre Mission Locale et ses grandes étapes ; ajoutez une "
            "frise chronologique si vous le souhaitez.", True),
    _guided("values", "Nos valeurs", "Une valeur par ligne, avec vos propres mots.", True),
    _guided("missions", "Nos missions", "Une mission par ligne : ce que vous faites, pour qui.",
            True),
    _guided("conditions", "Suivi et évaluation",
            "Indiquez comment le projet sera suivi : bilans annuels, point d'étape, "
            "indicateurs. Section facultative.", False),
]  # fmt: skip


def build_demo(demo):
    home = HomePage.objects.get()
    plan = StrategyPlanPage.objects.child_of(home).filter(slug=PLAN_SLUG).first()
    if plan is None:
        plan = _build_plan(home)
    actions = ActionPage.objects.descendant_of(plan).count()
    demo.log(f"projet associatif : {actions} actions, {plan.reviews.count()} bilan(s) annuel(s)")
    model = StrategyPlanPage.objects.child_of(home).filter(slug=MODEL_SLUG).first()
    if model is None:
        model = _build_model(home)
    _build_member_plans()
    aligned = _build_aligned_plans(plan)
    demo.log(f"projets des structures : {aligned} action(s) rattachée(s) au projet régional")
    _add_to_navigation(plan)


def _publish(page):
    page.save_revision().publish()
    return page


def _build_plan(home):
    structures = {s.short_name: s for s in Structure.objects.all()}
    thematics = {t.slug: t for t in Thematic.objects.all()}
    plan = StrategyPlanPage(
        title="Projet associatif 2024-2027", slug=PLAN_SLUG, period_start=2024, period_end=2027,
        status=StrategyPlanPage.Status.IN_FORCE, vote_date=datetime.date(2024, 9, 26),
        structure=structures.get("ARML BFC"), sections=PLAN_SECTIONS, live=False,
        summary="Nos orientations pour 2024-2027, leurs actions et leur avancement, année après année.",
    )  # fmt: skip
    home.add_child(instance=plan)
    later, axis_number = [], 0
    for orientation_number, (orientation_title, axes) in enumerate(PLAN, start=1):
        orientation = OrientationPage(
            title=orientation_title, slug=f"orientation-{orientation_number}"
        )
        plan.add_child(instance=orientation)
        _publish(orientation)
        for axis_title, actions in axes:
            axis_number += 1
            axis = AxisPage(title=axis_title, slug=f"axe-{axis_number}")
            orientation.add_child(instance=axis)
            _publish(axis)
            for action_number, action_row in enumerate(actions, start=1):
                title, thematic, pilot, (status, progress), state_2025 = action_row
                action = ActionPage(
                    title=title, slug=f"action-{axis_number}-{action_number}",
                    thematic=thematics.get(thematic), status=status,
                    progress=progress, pilot_structure=structures.get(pilot),
                    planned_start=datetime.date(2024, 10, 1), planned_end=datetime.date(2027, 6, 30),
                    description=f"<p>{title}, avec les Missions Locales volontaires.</p>",
                )  # fmt: skip
                axis.add_child(instance=action)
                _publish(action)
                later.append((action, state_2025))
    _publish(plan)
    _add_indicators(plan)
    plan_close_year(plan=plan, year=2024, assessment=REVIEW_2024)
    for action, (status, progress) in later:
        if (action.status, action.progress) != (status, progress):
            action.status, action.progress = status, progress
            _publish(action)
    return plan


def _add_indicators(plan):
    actions = {a.number: a for a in ActionPage.objects.descendant_of(plan)}
    for number, name, unit, baseline, target, direction, values in INDICATORS:
        indicator = actions[number].indicators.create(
            name=name, unit=unit, baseline=baseline, target=target, direction=direction
        )
        IndicatorValue.objects.bulk_create(
            IndicatorValue(indicator=indicator, year=year, value=value, comment=comment)
            for year, (value, comment) in values.items()
        )


def _build_model(home):
    model = StrategyPlanPage(
        title="Modèle de projet associatif", slug=MODEL_SLUG, is_model=True,
        sections=MODEL_SECTIONS, live=False,
        summary="La trame commune à copier dans l'espace de sa Mission Locale pour écrire son projet.",
    )  # fmt: skip
    home.add_child(instance=model)
    orientation = OrientationPage(title="Première orientation (à renommer)", slug="orientation-1")
    model.add_child(instance=orientation)
    axis = AxisPage(title="Premier axe (à renommer)", slug="axe-1")
    orientation.add_child(instance=axis)
    action = ActionPage(title="Première action (à renommer)", slug="action-1-1")
    axis.add_child(instance=action)
    for page in (orientation, axis, action, model):
        _publish(page)
    return model


# What two Missions Locales wrote on the trame: Dijon published its plan; Chalon has a draft
# whose values and missions are still to write; Nevers has not started.
MEMBER_TEXT = {
    "ML Dijon": {
        "history": "Créée en 1983 dans l'élan des premières Missions Locales, notre structure "
                   "a ouvert son antenne mobile en 2021.",
        "values": ["Aller vers les jeunes là où ils sont", "Un conseiller référent pour chacun",
                   "Travailler avec les employeurs du territoire"],
        "missions": ["Accueillir et accompagner les 16-25 ans", "Lever les freins : logement, "
                     "mobilité, santé", "Rapprocher les jeunes des entreprises"],
    },
    "ML Chalon": {
        "history": "Issue en 1990 de la fusion de deux permanences d'accueil, la Mission "
                   "Locale s'est dotée d'un pôle entreprises en 2019.",
    },
}  # fmt: skip


def _written(plan, texts):
    sections = []
    for block in plan.sections:
        value = dict(block.value)
        text = texts.get(block.block_type)
        if isinstance(text, list):
            value["content"] = [("bullet_list", text)]
        elif text:
            value["content"] = [_paragraph(text)]
        else:
            value["content"] = []
        sections.append((block.block_type, value))
    return sections


def _build_member_plans():
    """Plans at three stages in the structures' spaces (groups/demo.py): Dijon's published
    with an orientation, an axis and an action; Chalon's a draft lacking sections; Nevers'
    not started."""
    from groups.models import StructureSpacePage
    from strategy.services import plan_create_from_trame, structure_plan

    spaces = {
        space.structure.short_name: space
        for space in StructureSpacePage.objects.select_related("structure")
    }
    dijon, chalon = spaces.get("ML Dijon"), spaces.get("ML Chalon")
    if dijon is not None and structure_plan(dijon) is None:
        with transaction.atomic():
            plan, _created = plan_create_from_trame(space=dijon, user=dijon.structure.director)
            plan.sections = _written(plan, MEMBER_TEXT["ML Dijon"])
            plan.title = "Projet associatif 2025-2028 de la Mission Locale de Dijon"
            plan.status, plan.vote_date = (
                StrategyPlanPage.Status.IN_FORCE,
                datetime.date(2025, 6, 12),
            )
            plan.save_revision()
            orientation = OrientationPage(title="Aller vers les jeunes les plus éloignés",
                                          slug="orientation-1")  # fmt: skip
            plan.add_child(instance=orientation)
            axis = AxisPage(title="Être présents dans les communes rurales", slug="axe-1")
            orientation.add_child(instance=axis)
            action = ActionPage(
                title="Ouvrir un point d'accueil mobile dans les communes rurales",
                slug="action-1-1", status=ActionPage.Status.IN_PROGRESS, progress=25,
                thematic=Thematic.objects.filter(slug="relation-entreprises").first(),
                pilot_structure=dijon.structure,
            )  # fmt: skip
            axis.add_child(instance=action)
            for page in (orientation, axis, action):
                _publish(page)
            plan.get_latest_revision().publish()
    if chalon is not None and structure_plan(chalon) is None:
        plan, _created = plan_create_from_trame(space=chalon, user=chalon.structure.director)
        plan.sections = _written(plan, MEMBER_TEXT["ML Chalon"])
        plan.save_revision(user=chalon.structure.director)


# Member structures' plans aligned on the regional one, at different stages:
# (short name, plan status, sections written, [(local action, regional action number,
# status, progress, {indicator: (unit, 2025 value)})]). Regional actions are named by number.
MEMBER_PLANS = [
    ("ML Beaune", StrategyPlanPage.Status.DRAFT, ("history", "values"), [
        ("Présenter nos outils d'accueil au réseau lors du séminaire régional", "1.1",
         S.IN_PROGRESS, 40, {"Jeunes accompagnés dans l'année": ("jeunes", 1180)}),
        ("Mettre en ligne nos fiches pratiques sur Trame", "2.2", S.NOT_STARTED, 0,
         {"Fiches publiées": ("fiches", 3)}),
    ]),
    ("ML Jura Nord", StrategyPlanPage.Status.IN_FORCE, ("history", "values", "missions"), [
        ("Accueillir un binôme de présidents nouvellement élus", "1.2", S.IN_PROGRESS, 50,
         {"Jeunes accompagnés dans l'année": ("jeunes", 2460),
          "Taux de sorties positives": ("%", 48)}),
        ("Préparer chaque comité départemental pour l'emploi avec les partenaires", "4.2",
         S.IN_PROGRESS, 60, {"Comités préparés": ("comités", 4)}),
        ("Recenser chaque automne les besoins de formation de l'équipe", "3.1", S.DONE, 100,
         {"Professionnels formés": ("personnes", 18)}),
    ]),
    ("ML Dijon", StrategyPlanPage.Status.IN_FORCE, ("history", "values", "missions"), [
        ("Publier nos ressources d'accompagnement sur Trame", "2.2", S.IN_PROGRESS, 70,
         {"Jeunes accompagnés dans l'année": ("jeunes", 3320),
          "Taux de sorties positives": ("%", 53)}),
    ]),
]  # fmt: skip


def _member_sections(kinds, structure):
    texts = {
        "history": _section("history", "Notre histoire", _paragraph(
            f"{structure.name} accueille les jeunes de son territoire depuis plus de vingt ans, "
            "avec des permanences dans les communes les plus éloignées.")),
        "values": _section("values", "Nos valeurs", ("bullet_list", [
            "Accueillir chaque jeune sans condition", "Travailler avec les acteurs du territoire"])),
        "missions": _section("missions", "Nos missions", ("bullet_list", [
            "Accompagner les jeunes vers l'emploi et la formation",
            "Lever les freins : mobilité, logement, santé"])),
    }  # fmt: skip
    return [texts[kind] for kind in kinds]


def _member_plan(network, structure, status, kinds):
    """The structure's own plan under « Le réseau », created once."""
    slug = f"projet-associatif-{slugify(structure.short_name)}"
    existing = StrategyPlanPage.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    plan = StrategyPlanPage(
        title=f"Projet associatif 2025-2028 – {structure.name}", slug=slug, structure=structure,
        status=status, period_start=2025, period_end=2028, live=False,
        sections=_member_sections(kinds, structure),
    )  # fmt: skip
    network.add_child(instance=plan)
    orientation = OrientationPage(title="Agir avec le réseau régional", slug="orientation-1")
    plan.add_child(instance=orientation)
    axis = AxisPage(title="Nos contributions au projet régional", slug="axe-1")
    orientation.add_child(instance=axis)
    for page in (orientation, axis, plan):
        _publish(page)
    return plan


def _build_aligned_plans(regional):
    """A few member structures' actions aligned on the regional plan, with indicators that
    several structures declare alike (the roll-up sums or averages them). Idempotent: an
    action already there (by its slug) is left as it is."""
    network = ContentPage.objects.filter(slug="le-reseau").first()
    if network is None:
        return 0
    regional_actions = {a.number: a for a in ActionPage.objects.descendant_of(regional)}
    structures = {s.short_name: s for s in Structure.objects.all()}
    count = 0
    for short_name, status, kinds, actions in MEMBER_PLANS:
        structure = structures.get(short_name)
        if structure is None:
            continue
        plan = StrategyPlanPage.objects.filter(
            structure=structure, is_model=False
        ).first() or _member_plan(network, structure, status, kinds)
        axis = AxisPage.objects.descendant_of(plan).first()
        for index, (title, number, state, progress, indicators) in enumerate(actions, start=1):
            count += 1
            slug = f"action-alignee-{index}"
            target = regional_actions.get(number)
            if axis is None or ActionPage.objects.child_of(axis).filter(slug=slug).exists():
                continue
            regional_axis = target.get_parent().specific if target else None
            action = ActionPage(
                title=title, slug=slug, status=state, progress=progress,
                regional_action=target, regional_axis=regional_axis,
                regional_orientation=regional_axis.get_parent().specific if target else None,
            )  # fmt: skip
            axis.add_child(instance=action)
            _publish(action)
            for name, (unit, value) in indicators.items():
                indicator = action.indicators.create(name=name, unit=unit)
                IndicatorValue.objects.create(indicator=indicator, year=2025, value=value)
    return count


def _add_to_navigation(plan):
    identity = SiteIdentitySettings.for_site(Site.objects.get(is_default_site=True))
    pages = [block.value["page"] for block in identity.main_navigation]
    if plan in pages or len(pages) >= 8:
        return
    identity.main_navigation.append(("link", {"page": plan, "label": "Projet associatif"}))
    identity.save()
