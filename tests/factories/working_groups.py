import datetime

from django.utils import timezone

import factory
import wagtail_factories

from groups.models import (
    MeetingPage,
    NetworkDirectoryPage,
    Thematic,
    ThematicHubPage,
    ThematicIndexPage,
    WorkingGroupIndexPage,
    WorkingGroupPage,
)


class ThematicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thematic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thématique {n}")
    slug = factory.Sequence(lambda n: f"thematique-{n}")
    description = "Une thématique du réseau."


class ThematicIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ThematicIndexPage

    title = "Thématiques"
    slug = "thematiques"


class ThematicHubPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ThematicHubPage

    title = factory.LazyAttribute(lambda hub: hub.thematic.name)
    thematic = factory.SubFactory(ThematicFactory)


class WorkingGroupIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WorkingGroupIndexPage

    title = "Groupes de travail"
    slug = "groupes-de-travail"


class WorkingGroupPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = WorkingGroupPage

    title = factory.Sequence(lambda n: f"Groupe de travail {n}")
    summary = "Un groupe de travail régional."
    mandate = "<p>Partager les pratiques.</p>"


class MeetingPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MeetingPage

    title = factory.Sequence(lambda n: f"Réunion {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    location = "Dijon"


class NetworkDirectoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NetworkDirectoryPage

    title = "Annuaire du réseau"
    slug = "annuaire"
