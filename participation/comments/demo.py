"""Demo comments: a few exchanges between professionals on a resource, a working group and
a news item, with a mention and a reply. Idempotent: a comment already written by its author
on its page is not written again."""

from django.contrib.auth import get_user_model

from wagtail.models import Page

from participation.comments.models import Comment
from participation.comments.services import comment_post

# (page title, author, text, reply to: the index of an earlier comment in this list, or None)
COMMENTS = [
    ("Guide du modèle économique des Missions Locales", "professionnel",
     "Nous l'avons présenté en réunion d'équipe à Besançon : la partie sur les financements "
     "pluriannuels a beaucoup aidé les nouveaux collègues. @animateur, une mise à jour est-elle "
     "prévue avec les chiffres de cette année ?", None),
    ("Guide du modèle économique des Missions Locales", "animateur",
     "Oui, le groupe financement y travaille : une version actualisée est prévue au printemps. "
     "Merci pour ce retour !", 0),
    ("Référents entreprises", "professionnel",
     "Retour de la rencontre employeurs de la semaine dernière : quatorze entreprises présentes "
     "et trois offres d'alternance déjà transmises aux conseillers.", None),
    ("Référents entreprises", "animateur",
     "Bravo ! Pouvez-vous partager la liste des entreprises présentes dans l'espace du groupe ?", 2),
    ("Le réseau se dote d'un nouveau projet associatif", "editeur",
     "Les fiches action de chaque orientation sont en ligne : n'hésitez pas à réagir ici si un "
     "indicateur vous semble difficile à renseigner.", None),
]  # fmt: skip


def build_demo(demo) -> None:
    people = {user.username: user for user in get_user_model().objects.all()}
    written = []
    for title, username, text, reply_to in COMMENTS:
        page = Page.objects.live().filter(title=title).first()
        author = people.get(username)
        if page is None or author is None:
            written.append(None)
            continue
        parent = written[reply_to] if reply_to is not None else None
        comment = Comment.objects.filter(page=page, author=author, text=text).first()
        if comment is None:
            comment = comment_post(page=page, author=author, text=text, parent=parent)
        written.append(comment)
    demo.log(f"{sum(1 for comment in written if comment)} commentaires")
