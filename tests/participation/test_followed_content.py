"""Followed content and news addressed to an audience: notified once the first publication
commits, only to those who may view the page, never the author, never on a republish."""

from django.contrib.auth.models import Group

import pytest

from groups.models import Follow, JobRole
from groups.services import membership_add
from home.models import ContentPage, NewsPage
from participation.kinds import NotificationKind
from participation.models import Notification
from tests.factories import NewsIndexPageFactory, ProfileFactory, UserFactory

from .conftest import make_person

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def publish(parent, page, *, author):
    page.owner = author
    page.live = False
    parent.add_child(instance=page)
    page.save_revision(user=author).publish()
    return page


def notified(kind=NotificationKind.FOLLOWED_CONTENT):
    return set(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


def test_followers_of_the_group_and_of_its_thematic_are_told_never_the_author(open_group, mobility):
    author = make_person("autrice")
    of_group, of_thematic, unrelated = (
        make_person("suit-groupe"),
        make_person("suit-thematique"),
        make_person("ne-suit-rien"),
    )
    Follow.objects.create(user=of_group, group=open_group)
    Follow.objects.create(user=of_thematic, thematic=mobility)
    Follow.objects.create(user=author, group=open_group)

    page = publish(open_group, ContentPage(title="Carte des aides au permis"), author=author)

    assert notified() == {"suit-groupe", "suit-thematique"}
    notification = Notification.objects.filter(recipient=of_group).get()
    assert notification.message == "Nouveau dans ce que vous suivez : Carte des aides au permis"
    assert notification.url == page.url
    assert notification.actor == author
    assert unrelated.notifications.count() == 0


def test_a_republish_tells_nobody_again(open_group):
    author, follower = make_person("autrice"), make_person("suiveur")
    Follow.objects.create(user=follower, group=open_group)
    page = publish(open_group, ContentPage(title="Covoiturage solidaire"), author=author)
    assert follower.notifications.count() == 1

    page.title = "Covoiturage solidaire (mise à jour)"
    page.save_revision(user=author).publish()
    page.unpublish()
    page.save_revision(user=author).publish()

    assert follower.notifications.count() == 1


def test_a_follower_who_may_not_view_the_private_group_is_not_told(private_group):
    member, outsider = make_person("membre"), make_person("exterieur")
    membership_add(group=private_group, user=member)
    # Followed while the group was still open, say: the follow alone gives no right.
    Follow.objects.create(user=member, group=private_group)
    Follow.objects.create(user=outsider, group=private_group)

    publish(private_group, ContentPage(title="Budget prévisionnel"), author=private_group.lead)

    assert notified() == {"membre"}


def test_news_with_a_thematic_tells_its_followers(home_page, mobility):
    news_index = NewsIndexPageFactory(parent=home_page)
    follower = make_person("suiveuse")
    Follow.objects.create(user=follower, thematic=mobility)
    news = NewsPage(title="Aides régionales à la mobilité")
    news.owner = make_person("redactrice")
    news.live = False
    news_index.add_child(instance=news)
    news.thematics.set([mobility])
    news.save_revision(user=news.owner).publish()

    assert notified() == {"suiveuse"}


def test_news_addressed_to_a_job_role_tells_that_role_across_structures(home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    adviser = JobRole.objects.get(slug="conseiller")
    director = JobRole.objects.get(slug="direction")
    editor = make_person("redactrice")
    in_dijon = ProfileFactory(user=UserFactory(username="conseillere-dijon"), job_role=adviser)
    in_nevers = ProfileFactory(user=UserFactory(username="conseiller-nevers"), job_role=adviser)
    ProfileFactory(user=UserFactory(username="directrice"), job_role=director)
    make_person("sans-fonction")
    news = NewsPage(title="Nouvelle grille d'entretien CEJ")
    news.owner = editor
    news.live = False
    news_index.add_child(instance=news)
    news.job_roles.set([adviser])
    news.save_revision(user=editor).publish()

    assert notified(NotificationKind.NEWS) == {"conseillere-dijon", "conseiller-nevers"}
    assert in_dijon.user.notifications.get().message == (
        "Une actualité pour vous : Nouvelle grille d'entretien CEJ"
    )
    assert in_nevers.user.notifications.count() == 1

    news.save_revision(user=editor).publish()  # an edit: nobody again
    assert Notification.objects.filter(kind=NotificationKind.NEWS).count() == 2


def test_news_for_everybody_tells_nobody(home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    make_person("quelquun")
    publish(news_index, NewsPage(title="Bonne année"), author=make_person("redactrice"))

    assert not Notification.objects.exists()


def test_targeted_news_in_a_private_group_tells_only_those_who_may_view(private_group):
    adviser = JobRole.objects.get(slug="conseiller")
    member = ProfileFactory(user=UserFactory(username="membre"), job_role=adviser).user
    ProfileFactory(user=UserFactory(username="exterieur"), job_role=adviser)
    membership_add(group=private_group, user=member)
    news = NewsPage(title="Réunion interne")
    news.owner = private_group.lead
    news.live = False
    private_group.add_child(instance=news)
    news.job_roles.set([adviser])
    news.save_revision(user=news.owner).publish()

    assert notified(NotificationKind.NEWS) == {"membre"}
    assert Group.objects.exists()
