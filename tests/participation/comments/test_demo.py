"""The demo's comments: written once, with their mention and reply, never twice."""

import io

import pytest

from participation.comments.demo import build_demo
from participation.comments.models import Comment
from participation.kinds import NotificationKind
from participation.models import Notification
from tests.factories import NewsPageFactory, ResourcePageFactory, WorkingGroupPageFactory
from tests.participation.comments.conftest import make_person


class Demo:
    def __init__(self):
        self.out = io.StringIO()

    def log(self, message):
        self.out.write(message)


@pytest.mark.django_db
def test_the_demo_comments_are_written_once(home_page):
    make_person("professionnel", "Thomas", "Girard")
    make_person("animateur", "Nadia", "Benali")
    make_person("editeur", "Julien", "Moreau")
    ResourcePageFactory(parent=home_page, title="Guide du modèle économique des Missions Locales")
    WorkingGroupPageFactory(parent=home_page, title="Référents entreprises")
    NewsPageFactory(parent=home_page, title="Le réseau se dote d'un nouveau projet associatif")

    build_demo(Demo())
    first = list(Comment.objects.values_list("pk", "parent_id", "text"))
    build_demo(Demo())

    assert list(Comment.objects.values_list("pk", "parent_id", "text")) == first
    assert len(first) == 5
    assert Comment.objects.filter(parent__isnull=False).count() == 2
    mention = Comment.objects.get(mentions__username="animateur")
    assert mention.author.username == "professionnel"
    assert (
        Notification.objects.filter(
            recipient__username="animateur", kind=NotificationKind.MENTION
        ).count()
        == 1
    )
