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
    "member_s": "Professionnel de la structure S",
    "editor_s": "Éditeur de l'espace de la structure S",
    "editor_t": "Éditeur de l'espace d'une autre structure (T)",
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
    "consultation_results": (
        "Résultats d'une consultation non adressée à la structure A, ou résultats secrets"
    ),
    "notification": "Notification d'une autre personne (professionnel A)",
    "must_read": "Avis « à lire » adressé à tout le réseau, sur une page du groupe réservé X",
    "comment": "Commentaire sur une page d'un groupe réservé (X)",
    "self_assessment": "Autoévaluation de labellisation de la structure S",
    "structure_private_page": "Page de l'espace réservé d'une structure (S)",
    "structure_private_document": "Document de la collection réservée d'une structure (S)",
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
    "labelling": "Suivi de la labellisation d'une structure",
    "consultation_results_page": "Page des résultats d'une consultation",
    "consultation_results_csv": "Export CSV des résultats d'une consultation",
    "rollup": "Synthèse du réseau (projets des structures)",
    "rollup_csv": "Synthèse du réseau, export CSV",
    "notifications": "Mes notifications (la page)",
    "notification_read": "Ouvrir ou marquer comme lue une notification",
    "home_must_read": "Accueil : panneau « À lire »",
    "must_read_report": "Lecture d'un avis « à lire » et son rappel",
    "comments": "Fil de commentaires d'une page",
    "my_proposals": "Mes propositions",
    "proposal_review": "Relecture d'une proposition (administration)",
}

NOBODY = ()
LOGGED_IN = ("professional_a", "member_x", "lead_x", "member_y", "lead_y", "member_s", "editor_s",
             "editor_t", "editor", "admin")  # fmt: skip
GROUP_X = ("member_x", "lead_x", "editor", "admin")
LEAD_X_AND_STAFF = ("lead_x", "editor", "admin")
# Everyone with the admin: group leads, structure space editors, editors and administrators.
LEADS_AND_STAFF = ("lead_x", "lead_y", "editor_s", "editor_t", "editor", "admin")
# A structure's reserved pages and documents: its people, its editors, regional editors.
STRUCTURE_S = ("member_s", "editor_s", "editor", "admin")
EDITOR_S_AND_STAFF = ("editor_s", "editor", "admin")
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
_NOT_FOR_PAGES = {"chosen": NA, "media_url": NA, "import_steps": NA, "comments": NA}
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

# The roll-up of the structures' plans (under the regional plan) is for editors and the
# directors of structures (no role here is a director: tests/strategy/test_rollup.py); it
# names a structure's plan only to those who may view that plan.
_ROLLUP = ["rollup", "rollup_csv"]
# The must-read surfaces show notices only: not applicable to the other kinds.
_NOT_NOTICES = {"home_must_read": NA, "must_read_report": NA}

EXPECTED: dict[str, dict[str, tuple | None]] = {
    "public_page": {
        **_NOT_NOTICES,
        **dict.fromkeys(_FRONT_SURFACES + _SEARCH_SURFACES + _API_SURFACES, LOGGED_IN),
        "csv_export": STAFF,
        "admin_explorer": STAFF,
        "chooser": LEADS_AND_STAFF,
        "chooser_search": LEADS_AND_STAFF,
        "report": STAFF,
        "preview": STAFF,
        "my_data": OWNER,
        **_NOT_FOR_PAGES,
        # Everybody was notified of each page: the list names it to those who may view it.
        "notifications": LOGGED_IN,
        "notification_read": NA,
        # Every lead may link to a published page, and see its type's latest edit.
        "report_page_types": LEADS_AND_STAFF,
        "report_locked": STAFF,
        "report_workflows": STAFF,  # the rows of pages the user may edit
        "report_workflow_tasks": STAFF,
        "report_site_history": STAFF,  # a lead's history covers their group's pages
        "dashboard_panels": LEADS_AND_STAFF,  # their own edits and locks
        "dashboard_counts": STAFF,  # a lead's count covers their group's pages
        **dict.fromkeys(_ROLLUP, STAFF),
    },
    "private_page": {
        **_NOT_NOTICES,
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
        # Owned by professional A, but in a group they are not in: never listed. Member X
        # commented on its news item: their comments name the page they are on.
        "my_data": ("member_x",),
        **_NOT_FOR_PAGES,
        # Editors and administrators may view group X's pages.
        **dict.fromkeys(_ROLLUP, STAFF),
        "notifications": GROUP_X,
        "notification_read": NA,
    },
    "draft": {
        **_NOT_NOTICES,
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
        "notifications": NOBODY,
        "notification_read": NA,
        # Like the choosers, reports and the dashboard name a draft only to its editors.
        **dict.fromkeys([*_PAGES_ONLY, "report_site_history", "dashboard_counts"], STAFF),
        **dict.fromkeys(_ROLLUP, NOBODY),  # a structure's plan never published
    },
    "unpublished_page": {
        **_NOT_NOTICES,
        **dict.fromkeys(_FRONT_SURFACES + _SEARCH_SURFACES + _API_SURFACES, NOBODY),
        "csv_export": STAFF,
        "admin_explorer": STAFF,
        "chooser": STAFF,  # as for drafts
        "chooser_search": STAFF,
        "report": STAFF,
        "preview": STAFF,
        "my_data": NOBODY,  # nobody answers for these pages
        **_NOT_FOR_PAGES,
        # Notified when it was published, now withdrawn: its title is shown to nobody.
        "notifications": NOBODY,
        "notification_read": NA,
        **dict.fromkeys([*_PAGES_ONLY, "report_site_history", "dashboard_counts"], STAFF),
        **dict.fromkeys(_ROLLUP, NOBODY),
    },
    # The token is only in the first revision's titles: no surface but the preview of that
    # revision may show it.
    "old_revision": {
        **dict.fromkeys(SURFACES, NOBODY),
        **_NOT_NOTICES,
        "preview": STAFF,
        # The history keeps each entry's title of the time, for those who may edit the page.
        "report_site_history": STAFF,
        "dashboard_counts": NA,  # a count names no title
        **_NOT_FOR_PAGES,
        # A notification keeps the title it was written with: not probed for old titles.
        "notifications": NA,
        "notification_read": NA,
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
    # A notice to the whole network on a page of group X: only those who may view the page
    # find it on their home page; its listing and its reach are the editors'.
    "must_read": dict.fromkeys(SURFACES, NA)
    | {"home_must_read": GROUP_X, "must_read_report": STAFF, "admin_explorer": STAFF},
    "plan_import": dict.fromkeys(SURFACES, NA) | {"import_steps": UPLOADER},
    "new_plan_import": dict.fromkeys(SURFACES, NA) | {"import_steps": UPLOADER},
    # A closed consultation addressed to structure B only: its results are for the editors.
    # And a closed secret one addressed to structure A, which voted: the answer of a
    # structure is shown to nobody, editors included (totals only).
    "consultation_results": dict.fromkeys(SURFACES, NA)
    | dict.fromkeys(["consultation_results_page", "consultation_results_csv"], STAFF),
    # Only its recipient lists, opens or marks it: nobody else, staff included.
    "notification": dict.fromkeys(SURFACES, NA)
    | {"notifications": OWNER, "notification_read": OWNER},
    # A comment is seen, and found by its words, exactly where its page is.
    "comment": dict.fromkeys(SURFACES, NA)
    | dict.fromkeys(["page_url", "comments", "search_page", "api_search"], GROUP_X),
    # A page under the reserved page of structure S's space: as a group X page, for S.
    "structure_private_page": {
        **dict.fromkeys(SURFACES, NA),
        **dict.fromkeys(["page_url", *_SEARCH_SURFACES, *_API_SURFACES], STRUCTURE_S),
        **dict.fromkeys(
            [
                "csv_export",
                "admin_explorer",
                "chooser",
                "chooser_search",
                "report",
                "preview",
                "report_page_types",
                "dashboard_panels",
                "report_site_history",
                "dashboard_counts",
            ],
            EDITOR_S_AND_STAFF,
        ),  # fmt: skip
        "report_locked": STAFF,
        "my_data": NOBODY,
        # The site map stops three levels below the home page; this page is five below.
        "site_map": NA,
    },
    # A document of the reserved collection of structure S, uploaded by its editor.
    "structure_private_document": {
        **dict.fromkeys(SURFACES, NA),
        **dict.fromkeys(_SEARCH_SURFACES, STRUCTURE_S),
        **dict.fromkeys(_ADMIN_LISTINGS, EDITOR_S_AND_STAFF),
        "api_search": STRUCTURE_S,
        "api_token": STRUCTURE_S,
        "media_url": STRUCTURE_S,
        "report_site_history": ("admin",),
        "dashboard_counts": EDITOR_S_AND_STAFF,
        "my_data": ("editor_s",),
    },
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

# A self-assessment of structure S (labelling/): its structure's people and the regional
# editors read it, nobody else (editor T is a structure editor, not a regional one).
EXPECTED["self_assessment"] = dict.fromkeys(SURFACES, NA) | {
    "labelling": ("member_s", "editor_s", "editor", "admin")
}

# Surfaces that show one kind only: not applicable to the others.
_ONE_KIND_SURFACES = {
    "consultation_results": ["consultation_results_page", "consultation_results_csv"],
    "self_assessment": ["labelling"],
    "proposal": ["my_proposals", "proposal_review"],
}
for _kind, _row in EXPECTED.items():
    for _owner, _surfaces in _ONE_KIND_SURFACES.items():
        if _kind != _owner:
            _row.update(dict.fromkeys(_surfaces, NA))


def cells():
    """Every (kind, surface, allowed roles) the suite checks, N/A cells left out."""
    for kind, row in EXPECTED.items():
        for surface, allowed in row.items():
            if allowed is not NA:
                yield kind, surface, allowed
