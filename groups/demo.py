"""Demo network: the regional association, its 26 Missions Locales and one user per role."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from groups.models import JobRole, Profile, Structure, Thematic
from home.roles import EDITORS_GROUP_NAME

ARML = ("ARML Bourgogne-Franche-Comté", "ARML BFC", "21, 25, 39, 58, 70, 71, 89, 90", "Dijon")

# (name, short name, departments, city): the 26 member Missions Locales of the demo region.
MISSIONS_LOCALES = [
    ("Mission Locale de Dijon", "ML Dijon", "21", "Dijon"),
    ("Mission Locale de Beaune", "ML Beaune", "21", "Beaune"),
    ("Mission Locale Haute Côte-d'Or", "ML Haute Côte-d'Or", "21", "Montbard"),
    ("Mission Locale du Val de Saône", "ML Val de Saône", "21", "Auxonne"),
    ("Mission Locale du Grand Besançon", "ML Grand Besançon", "25", "Besançon"),
    ("Mission Locale du Haut-Doubs", "ML Haut-Doubs", "25", "Pontarlier"),
    ("Mission Locale du Pays de Montbéliard", "ML Montbéliard", "25", "Montbéliard"),
    ("Mission Locale du Doubs Central", "ML Doubs Central", "25", "Baume-les-Dames"),
    ("Mission Locale du Jura Nord", "ML Jura Nord", "39", "Dole"),
    ("Mission Locale du Jura Sud", "ML Jura Sud", "39", "Lons-le-Saunier"),
    ("Mission Locale du Haut-Jura", "ML Haut-Jura", "39", "Saint-Claude"),
    ("Mission Locale de Nevers Sud Nivernais", "ML Nevers", "58", "Nevers"),
    ("Mission Locale Nivernais Morvan", "ML Nivernais Morvan", "58", "Château-Chinon"),
    ("Mission Locale du Val de Loire Nivernais", "ML Val de Loire", "58", "Cosne-Cours-sur-Loire"),
    ("Mission Locale de Vesoul", "ML Vesoul", "70", "Vesoul"),
    ("Mission Locale du Pays de Lure", "ML Lure", "70", "Lure"),
    ("Mission Locale de Gray", "ML Gray", "70", "Gray"),
    ("Mission Locale du Chalonnais", "ML Chalon", "71", "Chalon-sur-Saône"),
    ("Mission Locale du Mâconnais", "ML Mâcon", "71", "Mâcon"),
    ("Mission Locale de la Bresse", "ML Bresse", "71", "Louhans"),
    ("Mission Locale du Creusot Montceau", "ML Creusot Montceau", "71", "Le Creusot"),
    ("Mission Locale du Charolais Brionnais", "ML Charolais", "71", "Paray-le-Monial"),
    ("Mission Locale de l'Autunois", "ML Autun", "71", "Autun"),
    ("Mission Locale de l'Auxerrois", "ML Auxerre", "89", "Auxerre"),
    ("Mission Locale du Nord de l'Yonne", "ML Nord Yonne", "89", "Sens"),
    ("Mission Locale du Territoire de Belfort", "ML Belfort", "90", "Belfort"),
]

# (name, slug, colour, lead structures, description): the 8 chef-de-file thematics.
THEMATICS = [
    ("Financement et comptabilité analytique", "financement", "BLUE", ["ML Dijon", "ML Chalon"],
     "Modèles économiques, suivi des financements et comptabilité analytique des Missions Locales."),
    ("Labellisation et mutualisation", "labellisation", "GREEN", ["ARML BFC", "ML Grand Besançon"],
     "Préparer le label Mission Locale et partager moyens, achats et services entre structures."),
    ("Observatoire", "observatoire", "PURPLE", ["ML Auxerre"],
     "Données d'activité, études et diagnostics territoriaux sur les jeunes accompagnés."),
    ("Orientation et événementiel", "orientation", "TEAL", ["ML Mâcon", "ML Belfort"],
     "Forums, journées régionales et outils d'orientation professionnelle."),
    ("Formation", "formation", "BROWN", ["ARML BFC"],
     "Plan régional de formation des salariés et accès des jeunes à la formation."),
    ("Relation entreprises", "relation-entreprises", "RED", ["ML Beaune", "ML Montbéliard"],
     "Charte de coopération, prospection et partenariats avec les employeurs."),
    ("Communication", "communication", "PINK", ["ARML BFC", "ML Vesoul"],
     "Supports partagés, campagnes régionales et présence en ligne du réseau."),
    ("France Travail et réseau pour l'emploi", "france-travail", "GREY", ["ML Jura Nord"],
     "Coopération avec France Travail et place des Missions Locales dans le réseau pour l'emploi."),
]  # fmt: skip

# (username, first name, last name, structure short name, job, role shown at the end)
DEMO_USERS = [
    ("admin", "Camille", "Administratrice", "ARML BFC", "Administratrice du système", "administration"),
    ("editeur", "Julien", "Moreau", "ARML BFC", "Chargé de communication", "éditeur (équipe ARML)"),
    ("animateur", "Nadia", "Benali", "ML Dijon", "Chargée de projet emploi", "animatrice de groupe de travail"),
    ("professionnel", "Thomas", "Girard", "ML Grand Besançon", "Conseiller en insertion", "professionnel d'une Mission Locale"),
]  # fmt: skip


def build_demo(demo):
    structures = _build_structures()
    demo.log(f"{len(structures)} structures")
    _build_thematics(structures)
    _tag_home_pages()
    demo.log(f"{len(THEMATICS)} thématiques")
    _build_users(demo, structures)
    build_working_groups_demo(demo)
    build_structure_spaces_demo(demo)
    _assign_job_roles(demo)


# Demo news and events (home/demo.py) and the thematic each belongs to, by slug.
THEMATIC_OF_PAGE = {
    "pacte-regional-dinvestissement-dans-les-competences-larml-signataire": "formation",
    "retour-sur-la-premiere-journee-regionale-du-contrat-dengagement-jeune": "orientation",
    "journee-regionale-du-contrat-dengagement-jeune": "orientation",
    "reunion-des-referents-entreprises": "relation-entreprises",
    "rentree-des-solutions": "communication",
}


def _tag_home_pages():
    """Give the demo's news and events their thematic, once."""
    from home.models import EventPage, NewsPage

    for model in (NewsPage, EventPage):
        for page in model.objects.filter(slug__in=THEMATIC_OF_PAGE):
            if not page.thematics.exists():
                page.thematics.add(Thematic.objects.get(slug=THEMATIC_OF_PAGE[page.slug]))
                page.save_revision().publish()


def _build_structures() -> dict[str, Structure]:
    rows = [(*ARML, Structure.Kind.ARML)] + [
        (*row, Structure.Kind.MISSION_LOCALE) for row in MISSIONS_LOCALES
    ]
    structures = {}
    for name, short_name, departments, city, kind in rows:
        structure, _ = Structure.objects.get_or_create(
            name=name,
            defaults={
                "short_name": short_name,
                "departments": departments,
                "city": city,
                "kind": kind,
            },
        )
        structures[short_name] = structure
    return structures


def _build_thematics(structures):
    for name, slug, colour, leads, description in THEMATICS:
        thematic, created = Thematic.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "colour": Thematic.Colour[colour],
                "description": description,
            },
        )
        if created:
            thematic.lead_structures.set([structures[short_name] for short_name in leads])


def _build_users(demo, structures):
    User = get_user_model()
    for username, first_name, last_name, structure, job, role in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@trame.example",
                "is_staff": username == "admin",
                "is_superuser": username == "admin",
            },
        )
        if created:
            user.set_password(demo.password)
            user.save(update_fields=["password"])
        Profile.objects.get_or_create(
            user=user, defaults={"structure": structures[structure], "job_title": job}
        )
        if username == "editeur":
            user.groups.add(Group.objects.get(name=EDITORS_GROUP_NAME))
        demo.logins.append((username, role))


# --- Working groups, thematic hubs, directory (issue 3) ------------------------------------

FIRST_NAMES = [
    "Amandine",
    "Bruno",
    "Chloé",
    "David",
    "Émilie",
    "Farid",
    "Gaëlle",
    "Hugo",
    "Inès",
    "Jérôme",
    "Karima",
    "Laurent",
    "Manon",
    "Nicolas",
    "Océane",
    "Pierre",
    "Rachida",
    "Sébastien",
    "Valérie",
    "Yann",
]  # noqa: E501
LAST_NAMES = [
    "Bernard",
    "Blanc",
    "Bonnet",
    "Chevalier",
    "Dubois",
    "Faure",
    "Fontaine",
    "Garnier",
    "Lambert",
    "Leroy",
    "Marchand",
    "Mercier",
    "Perrin",
    "Renard",
    "Robin",
    "Rousseau",
    "Roux",
    "Simon",
    "Vincent",
    "Morel",
]  # noqa: E501
JOBS = [
    "Conseillère en insertion",
    "Chargé de relation entreprises",
    "Coordonnatrice CEJ",
    "Référent formation",
    "Directrice",
    "Chargé de projet",
    "Psychologue",
    "Assistante administrative",
]  # noqa: E501

# (title, slug, thematic slugs, members only, lead username, summary, mandate)
WORKING_GROUPS = [
    ("Référents I-MILO", "referents-i-milo", ["observatoire"], False, "animateur",
     "Les référents du système d'information des Missions Locales partagent leurs pratiques de saisie et d'extraction.",
     "Harmoniser les usages du système d'information, préparer les montées de version et diffuser les bonnes pratiques de saisie."),
    ("Référents entreprises", "referents-entreprises", ["relation-entreprises"], False, "animateur",
     "Les chargés de relation entreprises construisent ensemble leurs outils de prospection.",
     "Partager les offres et les contacts employeurs, mutualiser les outils de prospection et préparer les rencontres régionales."),
    ("Coordonnateurs CEJ", "coordonnateurs-cej", ["france-travail"], False, "demo-p03",
     "Les coordonnateurs du Contrat d'Engagement Jeune suivent la mise en œuvre du dispositif dans la région.",
     "Suivre les indicateurs du CEJ, partager les organisations qui fonctionnent et préparer la journée régionale."),
    ("Référents Obligation de Formation", "referents-obligation-formation", ["formation"], False, "demo-p07",
     "Le groupe accompagne le repérage et l'accompagnement des 16-18 ans sans solution.",
     "Outiller le repérage des mineurs sans solution et partager les partenariats qui permettent de les accompagner."),
    ("Référents handicap", "referents-handicap", ["orientation"], False, "demo-p11",
     "Un groupe récent pour mieux accompagner les jeunes en situation de handicap.",
     "Recenser les partenaires spécialisés, partager les outils d'accueil adapté et former les équipes."),
    ("Référents Justice", "referents-justice", ["france-travail"], False, "demo-p15",
     "Les référents Justice travaillent avec les services pénitentiaires et la protection judiciaire de la jeunesse.",
     "Construire une culture commune de l'accompagnement des jeunes placés sous main de justice, avec les régions voisines."),
    ("GAFOR · coordination du PRF", "gafor", ["formation"], False, "demo-p19",
     "Le groupe d'appui à la formation prépare et suit le plan régional de formation des salariés.",
     "Recueillir les besoins de formation des équipes, construire le programme régional et en suivre la réalisation."),
    ("Comité des directions", "comite-des-directions", ["financement", "labellisation"], True, "demo-p23",
     "Les directions des Missions Locales préparent les décisions du conseil d'administration.",
     "Préparer collectivement les propositions soumises au conseil d'administration et suivre les dossiers régionaux."),
    ("Psychologues du réseau", "psychologues", ["orientation"], False, "demo-p27",
     "Les psychologues des Missions Locales échangent sur leurs pratiques d'accompagnement.",
     "Analyser les pratiques, partager les outils et organiser les temps d'échange régionaux."),
    ("Chargés de communication", "communication", ["communication"], False, "editeur",
     "Les chargés de communication préparent les campagnes régionales et les supports partagés.",
     "Coordonner les campagnes régionales, produire des supports communs et animer la présence en ligne du réseau."),
]  # fmt: skip

# (group slug, title, days from the seeding day, place, video, agenda, minutes)
MEETINGS = [
    ("referents-entreprises", "Réunion de rentrée des référents entreprises", -40, "Dijon", "",
     "Bilan des rencontres employeurs ; outils de prospection ; calendrier de l'année.",
     "Les participants ont présenté leurs actions de l'été. Un modèle commun de fiche entreprise sera proposé à la prochaine réunion."),
    ("referents-entreprises", "Préparation des rencontres employeurs", 20, "Besançon", "",
     "Programme des rencontres ; répartition des ateliers ; communication.", ""),
    ("coordonnateurs-cej", "Point d'étape CEJ", -25, "", "https://visio.example.org/cej",
     "Indicateurs du trimestre ; organisation des entrées ; journée régionale.",
     "Les indicateurs sont stables. Trois Missions Locales présenteront leur organisation lors de la journée régionale."),
    ("coordonnateurs-cej", "Préparation de la journée régionale CEJ", 14, "", "https://visio.example.org/cej",
     "Ateliers ; intervenants ; logistique.", ""),
    ("referents-i-milo", "Nouveautés du système d'information", -10, "", "https://visio.example.org/imilo",
     "Présentation des évolutions ; questions des référents.",
     "Les évolutions seront déployées en deux temps. Une fiche pratique sera publiée dans l'espace du groupe."),
    ("comite-des-directions", "Comité des directions de l'automne", -15, "Dole", "",
     "Suivi du projet associatif ; budget prévisionnel ; label.",
     "Le comité a validé les propositions budgétaires à soumettre au conseil d'administration."),
    ("comite-des-directions", "Comité des directions d'hiver", 30, "Dijon", "",
     "Préparation de l'assemblée générale ; point sur le label.", ""),
]  # fmt: skip

# (group slug, document title, text)
GROUP_DOCUMENTS = [
    ("referents-entreprises", "Modèle de fiche entreprise", "Nom de l'entreprise ; contact ; besoins de recrutement ; suites données."),
    ("comite-des-directions", "Propositions budgétaires pour le conseil d'administration", "Document de travail du comité des directions."),
    ("coordonnateurs-cej", "Tableau de suivi des entrées CEJ", "Mois ; entrées ; sorties positives ; commentaires."),
]  # fmt: skip

HUB_INTRO = (
    "Retrouvez ici les chefs de file, les référents et les groupes de travail de la thématique."
)


def build_working_groups_demo(demo):
    from django.contrib.auth.hashers import make_password
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from wagtail.documents import get_document_model

    from groups.models import (
        Follow,
        JoinRequest,
        MeetingPage,
        Membership,
        NetworkDirectoryPage,
        ThematicHubPage,
        ThematicIndexPage,
        WorkingGroupIndexPage,
        WorkingGroupPage,
    )
    from groups.services import membership_add
    from home.demo import _child
    from home.models import HomePage

    User = get_user_model()
    structures = list(Structure.objects.filter(kind=Structure.Kind.MISSION_LOCALE).order_by("name"))
    password_hash = make_password(demo.password)  # hashed once: seeding stays fast
    people = {}
    for n in range(2 * len(structures)):
        username = f"demo-p{n:02d}"
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": FIRST_NAMES[n % len(FIRST_NAMES)],
                "last_name": LAST_NAMES[(n * 7 + n // len(FIRST_NAMES)) % len(LAST_NAMES)],
                "email": f"{username}@trame.example",
                "password": password_hash,
            },
        )
        Profile.objects.get_or_create(
            user=user,
            defaults={
                "structure": structures[n % len(structures)],
                "job_title": JOBS[n % len(JOBS)],
            },
        )
        people[username] = user
    for username in ("animateur", "editeur", "professionnel"):
        people[username] = User.objects.get(username=username)
    demo.log(f"{len(people)} professionnels dans l'annuaire")

    home = HomePage.objects.get()
    thematics = {t.slug: t for t in Thematic.objects.all()}
    hubs_index = _child(home, ThematicIndexPage, slug="thematiques", title="Thématiques",
                        summary="Les thématiques du réseau et leurs chefs de file.")  # fmt: skip
    for thematic in thematics.values():
        if not ThematicHubPage.objects.filter(thematic=thematic).exists():
            _child(hubs_index, ThematicHubPage, slug=thematic.slug, title=thematic.name,
                   thematic=thematic, summary=thematic.description,
                   body=[("paragraph", f"<p>{HUB_INTRO}</p>")])  # fmt: skip
    demo.log(f"{len(thematics)} pages thématiques")

    groups_index = _child(home, WorkingGroupIndexPage, slug="groupes-de-travail",
                          title="Groupes de travail",
                          summary="Les groupes régionaux qui font vivre le réseau.")  # fmt: skip
    groups = {}
    usernames = sorted(u for u in people if u.startswith("demo-p"))
    for index, (title, slug, thematic_slugs, private, lead, summary, mandate) in enumerate(
        WORKING_GROUPS
    ):
        group = WorkingGroupPage.objects.child_of(groups_index).filter(slug=slug).first()
        if group is None:
            group = WorkingGroupPage(
                title=title, slug=slug, summary=summary, mandate=f"<p>{mandate}</p>",
                visibility=WorkingGroupPage.Visibility.MEMBERS if private else WorkingGroupPage.Visibility.NETWORK,
            )  # fmt: skip
            group.thematics = [thematics[s] for s in thematic_slugs if s in thematics]
            groups_index.add_child(instance=group)
            group.save_revision().publish()
        groups[slug] = group
        if not group.memberships.exists():
            membership_add(group=group, user=people[lead], role=Membership.Role.LEAD)
            # Eight members from eight different Missions Locales.
            for k in range(8):
                member = people[usernames[(index * 5 + k * 3) % len(usernames)]]
                if member != people[lead]:
                    membership_add(group=group, user=member)
    # The demo lead also takes part in the CEJ group: her home lists several groups.
    membership_add(group=groups["coordonnateurs-cej"], user=people["animateur"])
    demo.log(f"{len(groups)} groupes de travail, dont un réservé à ses membres")

    today = timezone.localtime().replace(hour=9, minute=30, second=0, microsecond=0)
    for slug, title, days, place, video, agenda, minutes in MEETINGS:
        start = today + timezone.timedelta(days=days)
        _child(groups[slug], MeetingPage, title=title, start=start,
               end=start + timezone.timedelta(hours=3), location=place, video_url=video,
               agenda=f"<p>{agenda}</p>",
               minutes=[("paragraph", f"<p>{minutes}</p>")] if minutes else [])  # fmt: skip
    demo.log(f"{len(MEETINGS)} réunions")

    Document = get_document_model()
    for slug, title, text in GROUP_DOCUMENTS:
        group = WorkingGroupPage.objects.get(pk=groups[slug].pk)
        if not Document.objects.filter(title=title, collection=group.collection).exists():
            document = Document(title=title, collection=group.collection)
            document.file.save(f"{slug}.txt", ContentFile(text.encode()), save=False)
            document.save()

    directory = _child(home, NetworkDirectoryPage, slug="annuaire", title="Annuaire du réseau",
                       summary="Les Missions Locales, l'association régionale et leurs équipes.")  # fmt: skip

    # Chefs de file and referents, the first time only.
    for index, thematic in enumerate(thematics.values()):
        if not thematic.lead_people.exists():
            thematic.lead_people.add(people[usernames[(index * 6) % len(usernames)]])
        referent = Profile.objects.get(user=people[usernames[(index * 6 + 1) % len(usernames)]])
        referent.referent_thematics.add(thematic)

    # The demo professional follows a thematic and a group, and asks to join another group.
    professional = people["professionnel"]
    Follow.objects.get_or_create(user=professional, thematic=thematics["relation-entreprises"])
    Follow.objects.get_or_create(user=professional, group=groups["referents-i-milo"])
    if not JoinRequest.objects.filter(
        user=professional, group=groups["referents-entreprises"]
    ).exists():
        # Created directly: the demo sends no email to the leads.
        JoinRequest.objects.create(group=groups["referents-entreprises"], user=professional,
                                   message="Je prends en charge la relation entreprises de mon antenne.")  # fmt: skip

    _add_navigation(home, [hubs_index, groups_index, directory])


def _add_navigation(home, pages):
    from wagtail.models import Site

    from home.models import SiteIdentitySettings

    identity = SiteIdentitySettings.for_site(Site.objects.get(is_default_site=True))
    linked = {block.value["page"].pk for block in identity.main_navigation if block.value["page"]}
    missing = [page for page in pages if page.pk not in linked]
    if missing and len(identity.main_navigation) + len(missing) <= 8:
        identity.main_navigation = [
            *((block.block_type, block.value) for block in identity.main_navigation),
            *(("link", {"page": page, "label": ""}) for page in missing),
        ]
        identity.save()


# --- Job roles (issue 15): each demo person's job across the network -------------------------

# Roles the demo adds to those of the migration (slug, name, order).
DEMO_JOB_ROLES = [
    ("charge-projet", "Chargé·e de projet", 5),
    ("psychologue", "Psychologue", 6),
    ("fonctions-support", "Fonctions support (administration, communication)", 7),
]
# The role of each job title of the demo.
JOB_ROLE_OF_TITLE = {
    "Conseillère en insertion": "conseiller",
    "Conseiller en insertion": "conseiller",
    "Coordonnatrice CEJ": "conseiller",
    "Chargé de relation entreprises": "relations-entreprises",
    "Référent formation": "referent-thematique",
    "Directrice": "direction",
    "Directeur": "direction",
    "Chargé de projet": "charge-projet",
    "Chargée de projet emploi": "charge-projet",
    "Psychologue": "psychologue",
    "Assistante administrative": "fonctions-support",
    "Chargé de communication": "fonctions-support",
    "Administratrice du système": "fonctions-support",
}


def _assign_job_roles(demo):
    """Give each demo person the role of their job title; a role set by hand stays."""
    for slug, name, order in DEMO_JOB_ROLES:
        JobRole.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    roles = {role.slug: role for role in JobRole.objects.all()}
    assigned = 0
    for profile in Profile.objects.filter(job_role=None, user__email__endswith="@trame.example"):
        slug = JOB_ROLE_OF_TITLE.get(profile.job_title)
        if slug in roles:
            profile.job_role = roles[slug]
            profile.save(update_fields=["job_role"])
            assigned += 1
    demo.log(f"{assigned} fonctions attribuées ({len(roles)} fonctions dans le réseau)")


# --- Structure spaces (issue 16) ---------------------------------------------------------

# (username, first name, last name, structure, job, role printed, directs, names editor)
SPACE_PEOPLE = [
    ("direction-dijon", "Marc", "Olivier", "ML Dijon", "Directeur",
     "directeur de ML Dijon (vote pour sa structure)", True),
    ("direction-chalon", "Sophie", "Lambert", "ML Chalon", "Directrice",
     "directrice d'une Mission Locale (ML Chalon)", True),
    ("redaction-chalon", "Karim", "Haddad", "ML Chalon", "Chargé de projet",
     "éditeur de l'espace de sa Mission Locale (ML Chalon)", False),
    ("direction-nevers", "Hélène", "Marchand", "ML Nevers", "Directrice", None, True),
]  # fmt: skip

# (structure, presentation, public document, reserved document, reserved page)
SPACES = [
    ("ML Dijon",
     "Huit lieux d'accueil dans l'agglomération dijonnaise et une antenne mobile pour les "
     "communes rurales du nord du département.",
     "Plaquette d'accueil des jeunes", "Tableau de bord de la direction",
     "Ordre du jour du prochain conseil d'administration"),
    ("ML Chalon",
     "Une équipe de trente-cinq personnes entre Chalon-sur-Saône, Chagny et Saint-Rémy, "
     "avec un pôle entreprises et un pôle logement.",
     "Rapport d'activité en bref", "Budget prévisionnel de l'année",
     "Notes du comité de direction"),
    ("ML Nevers",
     "La Mission Locale couvre le sud de la Nièvre ; elle anime le réseau des partenaires "
     "de la mobilité en milieu rural.",
     "Carte des permanences", "Compte rendu du bureau",
     "Préparation du projet associatif"),
]  # fmt: skip


def build_structure_spaces_demo(demo):
    """Three Missions Locales with their space under the directory: a director, an editor,
    a presentation, a public and a reserved document, a reserved page. Their plans are
    written by strategy/demo.py, at different stages."""
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    from groups.models import NetworkDirectoryPage, StructureEditor
    from groups.spaces import structure_editor_add, structure_space_create
    from home.demo import _child
    from home.models import ContentPage

    User = get_user_model()
    structures = {s.short_name: s for s in Structure.objects.all()}
    people = {}
    for username, first, last, short_name, job, role, directs in SPACE_PEOPLE:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last,
                      "email": f"{username}@trame.example"},
        )  # fmt: skip
        if created:
            user.set_password(demo.password)
            user.save(update_fields=["password"])
        Profile.objects.get_or_create(
            user=user, defaults={"structure": structures[short_name], "job_title": job}
        )
        structure = structures[short_name]
        if directs and structure.director_id is None:
            structure.director = user
            structure.save()
        if role:
            demo.logins.append((username, role))
        people[username] = user

    directory = NetworkDirectoryPage.objects.first()
    Document = get_document_model()
    for short_name, presentation, public_title, reserved_title, reserved_page in SPACES:
        structure = structures[short_name]
        space = structure_space_create(structure=structure, parent=directory)
        if not space.body:
            space.body = [("paragraph", f"<p>{presentation}</p>")]
            space.summary = presentation
            space.save_revision().publish()
            space.refresh_from_db()
        for title, collection in ((public_title, space.collection),
                                  (reserved_title, space.private_collection)):  # fmt: skip
            if not Document.objects.filter(title=title, collection=collection).exists():
                document = Document(title=title, collection=collection)
                document.file.save(
                    f"{space.slug}-{len(title)}.txt", ContentFile(title.encode()), save=False
                )
                document.save()
        _child(space.private_page, ContentPage, title=reserved_page,
               summary="Réservé aux équipes de la structure et à l'équipe régionale.",
               body=[("paragraph", "<p>Points à préparer, décisions attendues et "
                                   "calendrier, partagés entre collègues.</p>")])  # fmt: skip
    # Each structure's editors: Chalon's director named a colleague; Dijon's named the
    # demo lead, who works there.
    for short_name, username in (("ML Chalon", "redaction-chalon"), ("ML Dijon", "animateur")):
        structure = structures[short_name]
        user = User.objects.get(username=username)
        if not StructureEditor.objects.filter(structure=structure, user=user).exists():
            structure_editor_add(structure=structure, user=user, by=structure.director)
    demo.log(f"{len(SPACES)} espaces de structure, avec leur équipe éditoriale")
