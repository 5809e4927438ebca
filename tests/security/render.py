"""Writes docs/security.md from the permission matrix (tests/security/matrix.py):
`python -m tests.security.render`. The suite fails when the committed file differs."""

import pathlib

from tests.security.matrix import EXPECTED, KINDS, ROLES, SURFACES

DOC_PATH = pathlib.Path(__file__).resolve().parents[2] / "docs" / "security.md"

ALLOWED, DENIED, NOT_APPLICABLE = "✅", "⛔", "—"

INTRODUCTION = """\
# Sécurité : qui voit quoi, et où

> Ce fichier est produit par `python -m tests.security.render` à partir des données de la
> suite `tests/security/test_permission_matrix.py`. Ne le modifiez pas à la main : la suite
> échoue s'il diffère de ce que ses données produisent.

Privé veut dire privé sur chaque surface. La suite construit un site (un groupe de travail
ouvert, deux groupes réservés X et Y), y place un objet de chaque sorte dont le titre porte
un mot inventé que rien d'autre ne contient, puis demande à chaque surface, pour chaque
rôle, si elle montre l'objet : son titre dans une réponse 200, ou, pour un fichier, une
réponse 200. Chaque case ci-dessous est vérifiée.

Légende : ✅ montré, ⛔ jamais montré, — la surface ne s'applique pas à cette sorte d'objet.

## Les rôles

- **Anonyme** : personne connectée à aucun compte (toute page redirige vers la connexion).
- **Professionnel (structure A)** : un compte du réseau, d'une Mission Locale, membre
  d'aucun groupe.
- **Membre du groupe X** : membre simple du groupe réservé X (sans accès à
  l'administration).
- **Animateur du groupe X** : animateur du groupe X (accès à l'administration, droits de
  publication dans son groupe).
- **Membre du groupe Y** : membre simple d'un autre groupe réservé.
- **Animateur du groupe Y** : animateur de cet autre groupe (accès à l'administration,
  droits de publication dans son groupe seulement).
- **Professionnel de la structure S** : une personne de la Mission Locale S, qui lit
  l'espace de sa structure, y compris son espace réservé (sans accès à l'administration).
- **Éditeur de l'espace de la structure S** : désigné éditeur de l'espace de S (accès à
  l'administration, droits de publication dans l'espace de S seulement).
- **Éditeur de l'espace d'une autre structure (T)** : désigné éditeur de l'espace de la
  structure T.
- **Éditeur** : membre du groupe « Éditeurs » (éditeur régional), qui administre tout le
  contenu.
- **Administrateur** : superutilisateur.

Tous les comptes suivent la thématique des groupes (pour « Mon fil » et la lettre).

## Les objets

- **Page publique** : une actualité, une ressource et un événement publiés dans le groupe
  ouvert.
- **Page d'un groupe réservé** : les mêmes, dans le groupe réservé X.
- **Brouillon jamais publié**, **page dépubliée** : les mêmes, dans le groupe ouvert.
- **Ancienne révision** : les mêmes, publiés puis renommés ; seul le titre de leur première
  révision porte le mot.
- **Document d'une collection réservée** et sa **version précédente** (le fichier remplacé).
- **Image d'une collection réservée** et son **rendu** (vignette `fill-20x20`).
- **Résultats d'une consultation** : une consultation close adressée à la seule structure B
  (le mot est dans son titre et sa question) ; et une consultation close à résultats
  secrets, adressée à la structure A, dont la direction (un compte de A qui n'a aucun des
  rôles) a voté : la réponse de la structure A n'y est montrée à personne, seuls les totaux
  le sont.
- **Avis « à lire »** : un avis adressé à tout le réseau, sur une ressource du groupe
  réservé X ; seules les personnes ciblées qui peuvent voir la page le reçoivent.
- **Page de l'espace réservé d'une structure** : une page sous la page « Espace réservé » de
  l'espace de la structure S (`/le-reseau/<structure>/espace-reserve/`).
- **Document de la collection réservée d'une structure** : un document de la collection
  réservée de S, déposé par son éditeur.
- **Autoévaluation de labellisation de la structure S** : le commentaire d'un critère porte
  le mot.
- **Proposition envoyée** : une ressource (avec son fichier) et une bonne pratique proposées
  par le professionnel A depuis le site, en attente de relecture dans leur flux de travail.
  Les chefs de file de la thématique, qui les relisent aussi, ne sont pas un rôle de la
  matrice : `tests/participation/proposals/` les vérifie.

## Les surfaces

- **Adresse de la page** : l'URL publique de chaque page.
- **Liste des actualités** : `/actualites/`.
- **Bibliothèque de ressources** : `/ressources/`.
- **Page de recherche**, **suggestions**, **comptes des facettes** : `/recherche/?q=…`
  (les résultats, puis les comptes de ses facettes) et `/recherche/suggestions/?q=…`.
- **Mon fil** : `/reseau/mon-fil/`. **Lettre d'information** : le courriel du résumé,
  composé pour ce compte (un anonyme n'en reçoit pas).
- **Agenda iCal** : `/agenda/ical/`.
- **Export CSV** et **rapport** : le rapport « pages anciennes » de l'administration,
  exporté en CSV et affiché (il ne liste que des pages déjà publiées).
- **Explorateur de l'administration** : la page parente dans l'explorateur, la liste des
  documents ou des images de l'administration (recherchée par le mot).
- **Sélecteur**, **recherche du sélecteur**, **sélecteur par identifiant** : les sélecteurs
  de page (ouvert sur la page parente), de document et d'image, leur recherche, et leur
  réponse à un identifiant tapé à la main (`chooser/chosen/<id>/`).
  Un sélecteur de page offre les pages publiées que la personne peut voir ; un brouillon
  ou une page dépubliée, seulement à qui peut les modifier.
- **Aperçu** : la vue d'une révision dans l'administration (la première, pour l'ancienne
  révision), l'aperçu d'une image de l'administration.
- **Adresse du fichier** : le téléchargement du document ou de sa version, l'original et le
  rendu de l'image sous `/media/`.
- **Rapports** « utilisation des types de page » (la dernière page modifiée de chaque type,
  rendue la plus récente pour l'occasion), « pages verrouillées » (les pages verrouillées
  par l'administrateur), « flux de travail » et « tâches des flux de travail » (l'actualité
  de chaque sorte est soumise à un circuit de relecture des éditeurs), **historique du
  site** et son export CSV (une modification de chaque page, la création du document ou de
  l'image).
- **Tableau de bord** de l'administration : les panneaux « vos dernières modifications »,
  « vos pages verrouillées » et ceux de la modération, après que la personne a modifié,
  verrouillé et soumis la page (avant de perdre l'accès, par exemple) ; et ses **comptes**
  (pages, documents, images) : l'objet est compté si le compte baisse quand il disparaît.
- **API, pages (session)** : les listes `/api/v1/pages/`, `/api/v1/news/`, `/api/v1/events/`,
  `/api/v1/resources/` et le détail `/api/v1/pages/<id>/` de chaque page, appelés avec la
  session du navigateur.
- **API, recherche (session)** : `/api/v1/search/?q=…`, avec la session.
- **API, pages et recherche (jeton)** : les mêmes appels avec un jeton personnel en lecture
  seule (`Authorization: Bearer …`), sans session. Un anonyme n'a pas de jeton : 401.
- **Plan du site** : `/plan-du-site/`, l'arborescence des pages publiées que la personne peut
  voir.
- **Mes propositions** : `/mes-propositions/`, la liste des propositions de la personne.
- **Relecture d'une proposition** : la page de modification de l'administration, où les
  relecteurs approuvent, demandent des modifications ou refusent.
- **Mes données** : les téléchargements JSON et CSV (zip) de « Mes données »
  (`/compte/mes-donnees/`) ; les pages du trio public, réservé et brouillon ont pour
  responsable le professionnel A, le document a été déposé par l'animateur du groupe X. Une
  page dont on est responsable mais qu'on ne peut plus voir n'y figure pas.
- **Résultats d'une consultation** et leur **export CSV** : `/consultations/<id>/resultats/`
  et `…/resultats.csv` de chacune des deux consultations ; pour la consultation secrète, la
  case compte si la page montre les « Réponses de chaque structure » ou si le CSV a une
  ligne pour la structure A.
- **Accueil : panneau « À lire »** : les avis que la personne n'a pas encore confirmés, sur
  la page d'accueil. Pour un avis, l'**explorateur de l'administration** est la liste
  « À lire » de l'administration.
- **Lecture d'un avis « à lire » et son rappel** : `/admin/a-lire/<id>/lecture/` (les
  chiffres par structure), son export CSV et la confirmation du rappel
  (`/admin/a-lire/<id>/rappel/`).
- **Suivi de la labellisation d'une structure** : `/labellisation/structures/<id>/`, l'historique
  des autoévaluations de la structure, avec leurs commentaires.
"""


def _cell(allowed, role) -> str:
    if allowed is None:
        return NOT_APPLICABLE
    return ALLOWED if role in allowed else DENIED


def kind_table(kind: str) -> str:
    header = "| Surface | " + " | ".join(ROLES.values()) + " |"
    rule = "|---" * (len(ROLES) + 1) + "|"
    rows = [
        f"| {label} | " + " | ".join(_cell(EXPECTED[kind][surface], r) for r in ROLES) + " |"
        for surface, label in SURFACES.items()
    ]
    return "\n".join([header, rule, *rows])


def render_security_doc() -> str:
    sections = [INTRODUCTION.rstrip("\n"), "## La matrice"]
    for kind, label in KINDS.items():
        sections += [f"### {label}", kind_table(kind)]
    return "\n\n".join(sections) + "\n"


if __name__ == "__main__":
    DOC_PATH.write_text(render_security_doc(), encoding="utf-8")
    print(f"Written {DOC_PATH}")
