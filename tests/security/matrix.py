"""The permission matrix: for each object kind and each surface, the roles that see the
object there. `None` marks a surface that does not apply to a kind. The suite
(test_permission_matrix.py) checks every cell; `python -m tests.security.render` writes the
same data as tables into docs/security.md."""

ROLES = {
    "anonymous": "Anonyme",
    "professional_a": "Professionnel (structure A)",
    "member_x": "Membre du groupe X",
    "lead_x": "Animateur du groupe X",
    "member_y": "Membre du groupe Y",
    "lead_y": "Animateur du groupe Y",
    "editor": "Éditeur",
    "admin": "Administrateur",
}

KINDS = {
    "public_page": "Page publique",
    "private_page": "Page d'un groupe réservé (X)",
    "draft": "Brouillon jamais publié",
    "unpublished_page": "Page dépubliée",
    "old_revision": "Ancienne révision (titre remplacé)",
    "restricted_document": "Document d'une collection réservée (X)",
    "document_version": "Version précédente de ce document",
    "image": "Image d'une collection réservée (X)",
    "rendition": "Rendu (vignette) de cette image",
    "email_domain": "Domaine de courriel → structure (SSO)",
    "plan_import": "Fichier de projet associatif déposé, non confirmé",
    "new_plan_import": "Fichier déposé comme nouveau projet associatif, non confirmé",
    "proposal": "Proposition envoyée, non publiée (ressource et bonne pratique de A)",
}

SURFACES = {
    "page_url": "Adresse de la page",
    "listings": "Liste des actualités",
    "library": "Bibliothèque de ressources",
    "library_pdf": "PDF de la bibliothèque",
    "pdf": "PDF d'un plan et d'une fiche action",
    "search_page": "Page de recherche",
    "autocomplete": "Suggestions de recherche",
    "facet_counts": "Comptes des facettes",
    "feed": "Mon fil",
    "digest": "Lettre d'information",
    "ical": "Agenda iCal",
    "csv_export": "Export CSV (pages anciennes)",
    "admin_explorer": "Explorateur de l'administration",
    "chooser": "Sélecteur",
    "chooser_search": "Recherche du sélecteur",
    "chosen": "Sélecteur, par identifiant",
    "report": "Rapport (pages anciennes)",
    "preview": "Aperçu",
    "media_url": "Adresse du fichier",
    "import_steps": "Étapes d'un import (niveaux, aperçu)",
    "report_page_types": "Rapport « utilisation des types de page »",
    "report_locked": "Rapport « pages verrouillées »",
    "report_workflows": "Rapport « flux de travail »",
    "report_workflow_tasks": "Rapport « tâches des flux de travail »",
    "report_site_history": "Historique du site (et son export)",
    "dashboard_panels": "Tableau de bord : modifications, verrous, modération",
    "dashboard_counts": "Tableau de bord : comptes",
    "api": "API, pages (session)",
    "api_search": "API, recherche (session)",
    "api_token": "API, pages et recherche (jeton)",
    "site_map": "Plan du site",
    "my_data": "Mes données (JSON et CSV)",
    "my_proposals": "Mes propositions",
    "proposal_review": "Relecture d'une proposition (administration)",
}

NOBODY = ()
LOGGED_IN = ("professional_a", "member_x", "lead_x", "member_y", "lead_y", "editor", "admin")
GROUP_X = ("member_x", "lead_x", "editor", "admin")
LEAD_X_AND_STAFF = ("lead_x", "editor", "admin")
LEADS_AND_STAFF = ("lead_x", "lead_y", "editor", "admin")
STAFF = ("editor", "admin")
NA = None

_FRONT_SURFACES = [
    "page_url",
    "listings",
    "library",
    "library_pdf",
    "pdf",
    "feed",
    "digest",
    "ical",
    "site_map",
]
_SEARCH_SURFACES = ["search_page", "autocomplete", "facet_counts"]
_ADMIN_LISTINGS = ["admin_explorer", "chooser", "chooser_search", "chosen"]
_NOT_FOR_PAGES = {"chosen": NA, "media_url": NA, "import_steps": NA}
_FILES_ONLY = dict.fromkeys(SURFACES, NA) | {"media_url": GROUP_X}
UPLOADER = ("editor",)  # an import is seen by who uploaded it, and only while they may publish
_PAGES_ONLY = ["report_page_types", "report_locked", "report_workflows", "report_workflow_tasks",
               "dashboard_panels"]  # fmt: skip
# The API answers as the front end does: the same roles as the page's own URL.
_API_SURFACES = ["api", "api_search", "api_token"]
# « Mes données » lists what a person owns or uploaded: the public, private and draft pages
# are owned by professional A (who is not in group X), the document was uploaded by lead X.
OWNER = ("professional_a",)
DOCUMENT_UPLOADER = ("lead_x",)

EXPECTED: dict[str, dict[str, tuple | None]] = {
    "public_page": {
        **dict.fromkeys(_FRONT_SURFACES + _SEARCH_SURFACES + _API_SURFACES, LOGGED_IN),
        "csv_export": STAFF,
        "admin_explorer": STAFF,
        "chooser": LEADS_AND_STAFF,
        "chooser_search": LEADS_AND_STAFF,
        "report": STAFF,
        "preview": STAFF,
        "my_data": OWNER,
        **_NOT_FOR_PAGES,
        # Every lead may link to a published page, and see its type's latest edit.
        "report_page_types": LEADS_AND_STAFF,
        "report_locked": STAFF,
        "report_workflows": STAFF,  # the rows of pages the user may edit
        "report_workflow_tasks": STAFF,
        "report_site_history": STAFF,  # a lead's history covers their group's pages
        "dashboard_panels": LEADS_AND_STAFF,  # their own edits and locks
        "dashboard_counts": STAFF,  # a lead's count covers their group's pages
    },
    "private_page": {
        **dict.fromkeys(_FRONT_SURFACES + _SEARCH_SURFACES + _API_SURFACES, GROUP_X),
        **dict.fromkeys(
            [
                "csv_export",
                "admin_explorer",
                "chooser",
                "chooser_search",
                "report",
                "preview",
                *_PAGES_ONLY,
                "report_site_history",
                "dashboard_counts",
            ],
            LEAD_X_AND_STAFF,
        ),  # fmt: skip
        "report_locked": STAFF,
        # Owned by professional A, but in a group they are not in: never listed.
        "my_data": NOBODY,
        **_NOT_FOR_PAGES,
    },
    "draft": {
        **dict.fromkeys(_FRONT_SURFACES + _SEARCH_SURFACES + _API_SURFACES, NOBODY),
        "csv_export": NA,  # the report lists pages published at least once
        "admin_explorer": STAFF,
        # A chooser names a draft only to those who may edit it
        # (home.permission_policies.pages_listable_in_admin): not to a lead of another group.
        "chooser": STAFF,
        "chooser_search": STAFF,
        "report": NA,
        "preview": STAFF,
        "my_data": OWNER,  # their own draft
        **_NOT_FOR_PAGES,
        # Like the choosers, reports and the dashboard name a draft only to its editors.
        **dict.fromkeys([*_PAGES_ONLY, "report_site_history", "dashboard_counts"], STAFF),
    },
    "unpublished_page": {
        **dict.fromkeys(_FRONT_SURFACES + _SEARCH_SURFACES + _API_SURFACES, NOBODY),
        "csv_export": STAFF,
        "admin_explorer": STAFF,
        "chooser": STAFF,  # as for drafts
        "chooser_search": STAFF,
        "report": STAFF,
        "preview": STAFF,
        "my_data": NOBODY,  # nobody answers for these pages
        **_NOT_FOR_PAGES,
        **dict.fromkeys([*_PAGES_ONLY, "report_site_history", "dashboard_counts"], STAFF),
    },
    # The token is only in the first revision's titles: no surface but the preview of that
    # revision may show it.
    "old_revision": {
        **dict.fromkeys(SURFACES, NOBODY),
        "preview": STAFF,
        # The history keeps each entry's title of the time, for those who may edit the page.
        "report_site_history": STAFF,
        "dashboard_counts": NA,  # a count names no title
        **_NOT_FOR_PAGES,
    },
    "restricted_document": {
        **dict.fromkeys(SURFACES, NA),
        **dict.fromkeys(_SEARCH_SURFACES, GROUP_X),
        **dict.fromkeys(_ADMIN_LISTINGS, LEAD_X_AND_STAFF),
        # Found by the API's search, as by the search page.
        "api_search": GROUP_X,
        "api_token": GROUP_X,
        "media_url": GROUP_X,
        # Document entries of the history need a model permission only administrators hold.
        "report_site_history": ("admin",),
        "dashboard_counts": LEAD_X_AND_STAFF,
        "my_data": DOCUMENT_UPLOADER,
    },
    "document_version": _FILES_ONLY,
    "image": {
        **dict.fromkeys(SURFACES, NA),
        **dict.fromkeys(_ADMIN_LISTINGS, STAFF),
        "preview": STAFF,
        "media_url": GROUP_X,
        "report_site_history": ("admin",),
        "dashboard_counts": STAFF,
        "my_data": NOBODY,
    },
    "rendition": _FILES_ONLY,
    # Configuration of the single sign-on: only its admin listing shows it, to the staff.
    "email_domain": {**dict.fromkeys(SURFACES, NA), "admin_explorer": STAFF},
    "plan_import": dict.fromkeys(SURFACES, NA) | {"import_steps": UPLOADER},
    "new_plan_import": dict.fromkeys(SURFACES, NA) | {"import_steps": UPLOADER},
    # A proposal is a draft under the review workflow: its proposer follows it in « Mes
    # propositions », the editors (and the thematic's chefs de file, not a role here) review
    # it in the admin; no other surface names it and its file waits in a collection
    # reserved to reviewers until it is published.
    "proposal": {
        **dict.fromkeys(SURFACES, NA),
        **dict.fromkeys(
            [
                "page_url",
                "listings",
                "library",
                "library_pdf",
                "feed",
                "digest",
                "site_map",
                *_SEARCH_SURFACES,
                *_API_SURFACES,
            ],
            NOBODY,
        ),
        **dict.fromkeys(
            [
                "admin_explorer",
                "chooser",
                "chooser_search",
                "preview",
                "media_url",
                *_PAGES_ONLY,
                "report_site_history",
                "dashboard_counts",
                "proposal_review",
            ],
            STAFF,
        ),
        "my_proposals": OWNER,
    },
}

# Surfaces of one kind only.
for _kind, _row in EXPECTED.items():
    for _surface in ("my_proposals", "proposal_review"):
        _row.setdefault(_surface, NA)


def cells():
    """Every (kind, surface, allowed roles) the suite checks, N/A cells left out."""
    for kind, row in EXPECTED.items():
        for surface, allowed in row.items():
            if allowed is not NA:
                yield kind, surface, allowed
