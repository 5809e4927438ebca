import factory

from groups.models import Profile, Structure

from .users import UserFactory


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Mission Locale n°{n}")
    short_name = factory.Sequence(lambda n: f"ML {n}")
    departments = "21"
    city = "Dijon"


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    structure = factory.SubFactory(StructureFactory)
    job_title = "Conseiller en insertion"
