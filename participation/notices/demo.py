"""Demo must-read notices: a procedure change every adviser of the network must read, and a
deadline for the directors; some advisers have already confirmed. Idempotent."""

import datetime

from django.utils import timezone

from groups.models import JobRole, Profile
from participation.notices.models import Acknowledgement, MustRead
from participation.notices.services import must_read_notify

# The demo's job titles (groups/demo.py) and the network-wide role each one holds, given to
# profiles that have none yet.
ROLE_OF_JOB_TITLE = {
    "Conseill": "conseiller",
    "Chargé de relation entreprises": "relations-entreprises",
    "Directr": "direction",
    "Référent": "referent-thematique",
    "Assistante administrative": "accueil",
}

# (page title, job role slug, days before the deadline, message)
NOTICES = [
    (
        "Fiche pratique : mobiliser le compte personnel de formation",
        "conseiller",
        21,
        "Le circuit de validation des demandes de CPF change : la fiche est à jour. Relisez-la "
        "avant vos prochains rendez-vous avec les jeunes concernés.",
    ),
    (
        "Plan régional de formation des salariés",
        "direction",
        10,
        "Les demandes d'inscription de vos équipes sont à valider avant la date limite : le plan "
        "détaille les sessions et les places réservées à chaque Mission Locale.",
    ),
]


def build_demo(demo):
    _give_job_roles()
    notices = [_notice(*row) for row in NOTICES]
    demo.log(f"{sum(notice is not None for notice in notices)} avis « à lire »")


def _give_job_roles():
    roles = {role.slug: role for role in JobRole.objects.all()}
    for prefix, slug in ROLE_OF_JOB_TITLE.items():
        if slug in roles:
            Profile.objects.filter(job_role__isnull=True, job_title__startswith=prefix).update(
                job_role=roles[slug]
            )


def _notice(title, role_slug, days, message):
    from resources.models import ResourcePage

    page = ResourcePage.objects.live().filter(title=title).first()
    role = JobRole.objects.filter(slug=role_slug).first()
    if page is None or role is None:
        return None
    notice = MustRead.objects.filter(page=page, job_roles=role).first()
    if notice is not None:
        return notice
    notice = MustRead.objects.create(
        page=page,
        message=message,
        deadline=timezone.localdate() + datetime.timedelta(days=days),
    )
    notice.job_roles.set([role])
    must_read_notify(notice)
    # A third of the demo's advisers have already read it (never the demo's own
    # « professionnel », who finds it waiting on their home page).
    readers = notice.people().filter(username__startswith="demo-p").order_by("username")
    for user in list(readers)[::3]:
        Acknowledgement.objects.get_or_create(must_read=notice, user=user)
    return notice
