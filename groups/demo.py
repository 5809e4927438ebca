"""Demo network: the regional association, its 26 Missions Locales and one user per role."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from groups.models import Profile, Structure, Thematic
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
    demo.log(f"{len(THEMATICS)} thématiques")
    _build_users(demo, structures)


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
