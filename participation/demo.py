"""Demo of notifications: a news item addressed to the network's advisers (its first
publication notifies them, once the demo commits), and a notification for Thomas,
the demo professional, so that his bell shows something. Safe to rerun."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from groups.models import JobRole
from home.models import NewsIndexPage, NewsPage
from participation.kinds import NotificationKind
from participation.models import Notification
from participation.notify import notify

TARGETED_NEWS = {
    "title": "Conseillers : nouvelle grille d'entretien diagnostic CEJ",
    "slug": "conseillers-nouvelle-grille-entretien-diagnostic-cej",
    "summary": "Une grille commune pour le premier entretien du Contrat d'Engagement Jeune, "
    "testée par trois Missions Locales, à utiliser dès janvier.",
    "text": "Après six mois d'essai à Dijon, Besançon et Nevers, la grille d'entretien "
    "diagnostic du CEJ est proposée à tous les conseillers du réseau. Elle reprend les freins "
    "périphériques (mobilité, logement, santé) et aide à fixer les premiers objectifs avec le "
    "jeune. Un temps d'échange en visio est prévu pour la présenter.",
}

THOMAS_NOTIFICATIONS = [
    (NotificationKind.FOLLOWED_CONTENT,
     "Nouveau dans ce que vous suivez : le groupe Référents i-milo a partagé ses dernières "
     "fiches", "groups:feed"),
]  # fmt: skip


def build_demo(demo):
    from home.demo import _paragraph

    news_index = NewsIndexPage.objects.first()
    adviser = JobRole.objects.filter(slug="conseiller").first()
    if news_index is not None and adviser is not None:
        existing = NewsPage.objects.child_of(news_index).filter(slug=TARGETED_NEWS["slug"])
        if not existing.exists():
            # Created as a draft with its audience, then published: the first publication
            # notifies the advisers of the network once the demo commits.
            page = NewsPage(
                title=TARGETED_NEWS["title"],
                slug=TARGETED_NEWS["slug"],
                summary=TARGETED_NEWS["summary"],
                body=_paragraph(TARGETED_NEWS["text"]),
                live=False,
            )
            news_index.add_child(instance=page)
            page.job_roles.set([adviser])
            page.save_revision().publish()
        demo.log("1 actualité adressée aux conseillers du réseau")
    thomas = get_user_model().objects.filter(username="professionnel").first()
    if thomas is None:
        return
    for kind, message, url in THOMAS_NOTIFICATIONS:
        if not Notification.objects.filter(recipient=thomas, message=message).exists():
            notify([thomas], kind, message=message, url=reverse(url))
    demo.log(f"{len(THOMAS_NOTIFICATIONS)} notifications pour Thomas (professionnel)")
