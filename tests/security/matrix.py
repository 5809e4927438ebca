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
}

NOBODY = ()
LOGGED_IN = ("professional_a", "member_x", "lead_x", "member_y", "editor", "admin")
GROUP_X = ("member_x", "lead_x", "editor", "admin")
LEAD_X_AND_STAFF = ("lead_x", "editor", "admin")
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
]
_SEARCH_SURFACES = ["search_page", "autocomplete", "facet_counts"]
_ADMIN_LISTINGS = ["admin_explorer", "chooser", "chooser_search", "chosen"]
_NOT_FOR_PAGES = {"chosen": NA, "media_url": NA, "import_steps": NA}
_FILES_ONLY = dict.fromkeys(SURFACES, NA) | {"media_url": GROUP_X}
UPLOADER = ("editor",)  # an import is seen by who uploaded it, and only while they may publish

EXPECTED: dict[str, dict[str, tuple | None]] = {
    "public_page": {
        **dict.fromkeys(_FRONT_SURFACES + _SEARCH_SURFACES, LOGGED_IN),
        "csv_export": STAFF,
        "admin_explorer": STAFF,
        "chooser": LEAD_X_AND_STAFF,
        "chooser_search": LEAD_X_AND_STAFF,
        "report": STAFF,
        "preview": STAFF,
        **_NOT_FOR_PAGES,
    },
    "private_page": {
        **dict.fromkeys(_FRONT_SURFACES + _SEARCH_SURFACES, GROUP_X),
        **dict.fromkeys(
            ["csv_export", "admin_explorer", "chooser", "chooser_search", "report", "preview"],
            LEAD_X_AND_STAFF,
        ),
        **_NOT_FOR_PAGES,
    },
    "draft": {
        **dict.fromkeys(_FRONT_SURFACES + _SEARCH_SURFACES, NOBODY),
        "csv_export": NA,  # the report lists pages published at least once
        "admin_explorer": STAFF,
        # A page chooser offers every page of an area the user may view, drafts included
        # (home.visibility.pages_viewable_in_admin), so a lead may link to them.
        "chooser": LEAD_X_AND_STAFF,
        "chooser_search": LEAD_X_AND_STAFF,
        "report": NA,
        "preview": STAFF,
        **_NOT_FOR_PAGES,
    },
    "unpublished_page": {
        **dict.fromkeys(_FRONT_SURFACES + _SEARCH_SURFACES, NOBODY),
        "csv_export": STAFF,
        "admin_explorer": STAFF,
        "chooser": LEAD_X_AND_STAFF,  # as for drafts
        "chooser_search": LEAD_X_AND_STAFF,
        "report": STAFF,
        "preview": STAFF,
        **_NOT_FOR_PAGES,
    },
    # The token is only in the first revision's titles: no surface but the preview of that
    # revision may show it.
    "old_revision": {
        **dict.fromkeys(SURFACES, NOBODY),
        "preview": STAFF,
        **_NOT_FOR_PAGES,
    },
    "restricted_document": {
        **dict.fromkeys(SURFACES, NA),
        **dict.fromkeys(_SEARCH_SURFACES, GROUP_X),
        **dict.fromkeys(_ADMIN_LISTINGS, LEAD_X_AND_STAFF),
        "media_url": GROUP_X,
    },
    "document_version": _FILES_ONLY,
    "image": {
        **dict.fromkeys(SURFACES, NA),
        **dict.fromkeys(_ADMIN_LISTINGS, STAFF),
        "preview": STAFF,
        "media_url": GROUP_X,
    },
    "rendition": _FILES_ONLY,
    # Configuration of the single sign-on: only its admin listing shows it, to the staff.
    "email_domain": {**dict.fromkeys(SURFACES, NA), "admin_explorer": STAFF},
    "plan_import": dict.fromkeys(SURFACES, NA) | {"import_steps": UPLOADER},
    "new_plan_import": dict.fromkeys(SURFACES, NA) | {"import_steps": UPLOADER},
}


def cells():
    """Every (kind, surface, allowed roles) the suite checks, N/A cells left out."""
    for kind, row in EXPECTED.items():
        for surface, allowed in row.items():
            if allowed is not NA:
                yield kind, surface, allowed
