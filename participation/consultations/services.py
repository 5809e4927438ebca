"""Writes of consultations: casting a vote, naming a structure's voter, telling the voters
that a consultation opened, reminding those who have not voted."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.kinds import NotificationKind
from participation.notify import notify

from . import policy
from .models import Consultation, Delegation, Vote


class VoteRefused(Exception):
    """The vote cannot be cast; the message is for the person who tried."""


def vote_cast(*, consultation: Consultation, user, answers: dict) -> tuple[Vote, bool]:
    """Cast (or change) the user's structure's vote, or their own answer to a survey.

    One row per structure (or per person) whatever happens: the consultation row is locked
    while the vote is written, and an insert that loses a race against a concurrent one
    (the unique constraint) becomes an update of the winner's row. Returns (vote, created).
    """
    with transaction.atomic():
        consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
        now = timezone.now()
        if now < consultation.opens_at:
            raise VoteRefused(_("This consultation is not open yet."))
        if consultation.is_closed(now):
            raise VoteRefused(
                _("This consultation closed on %(date)s: votes can no longer be cast or changed.")
                % {"date": timezone.localtime(consultation.closes_at).strftime("%d/%m/%Y %H:%M")}
            )
        if consultation.is_per_structure:
            structure = policy.structure_voted_for(consultation, user)
            if structure is None:
                raise VoteRefused(_("Only the person who casts your structure's voice may vote."))
            key = {"consultation": consultation, "structure": structure, "is_structure_voice": True}
        else:
            if not consultation.includes(user):
                raise VoteRefused(_("This survey is not addressed to you."))
            key = {"consultation": consultation, "person": user, "is_structure_voice": False}
            structure = policy.user_structure(user)
        fields = {"answers": answers, "person": user, "structure": structure}
        vote = existing_vote(key)
        if vote is None:
            try:
                with transaction.atomic():
                    return Vote.objects.create(**key | fields), True
            except IntegrityError:
                vote = Vote.objects.get(**key)  # a concurrent submission inserted it first
        for name, value in fields.items():
            setattr(vote, name, value)
        vote.save(update_fields=[*fields, "updated_at"])
        return vote, False


def existing_vote(key: dict):
    return Vote.objects.filter(**key).first()


def delegate_set(*, structure, delegate, by) -> Delegation | None:
    """Name who casts the structure's voice (None: back to its director)."""
    if not policy.may_name_voter(structure, by):
        raise PermissionError
    if delegate is None:
        Delegation.objects.filter(structure=structure).delete()
        return None
    if policy.user_structure(delegate) != structure or not delegate.is_active:
        raise ValueError(_("The delegate must be an active person of the structure."))
    delegation, _created = Delegation.objects.update_or_create(
        structure=structure, defaults={"delegate": delegate, "named_by": by}
    )
    return delegation


def _url(consultation) -> str:
    return reverse("consultations:detail", args=[consultation.pk])


def _may_view(consultation):
    return lambda user: policy.may_view(consultation, user)


def recipients(consultation) -> list:
    """Who is told of the consultation: each invited structure's voter, or the audience."""
    if consultation.is_per_structure:
        return [voter for voter in policy.voters(consultation).values() if voter is not None]
    return list(consultation.people())


def consultation_announce(consultation_id: int, now=None) -> int:
    """Tell the voters (or the survey's audience) once that the consultation is open: the
    first caller marks it announced, later ones do nothing. Returns the number notified."""
    now = now or timezone.now()
    with transaction.atomic():
        marked = (
            Consultation.objects.due_for_announcement(now)
            .filter(pk=consultation_id)
            .update(announced_at=now)
        )
        if not marked:
            return 0
        consultation = Consultation.objects.get(pk=consultation_id)
        if consultation.is_per_structure:
            message = _("Consultation open for your structure: %(title)s")
        else:
            message = _("Survey open: %(title)s")
        sent = notify(
            recipients(consultation),
            NotificationKind.CONSULTATION,
            message=message % {"title": consultation.title},
            url=_url(consultation),
            target=consultation,
            may_view=_may_view(consultation),
        )
        return len(sent)


def announce_on_commit(consultation) -> None:
    """After an editor saves: announce now if it is open, once the save is committed
    (a consultation opening later is announced by `manage.py consultations_announce`)."""
    pk = consultation.pk
    transaction.on_commit(lambda: consultation_announce(pk))


def announce_due(now=None) -> int:
    """Announce every consultation that has opened since the last run."""
    return sum(
        consultation_announce(pk, now)
        for pk in Consultation.objects.due_for_announcement(now).values_list("pk", flat=True)
    )


def not_voted(consultation) -> list:
    """The people a reminder goes to: the voters of the invited structures that have not
    voted, or the audience that has not answered."""
    if consultation.is_per_structure:
        voted = set(consultation.votes.values_list("structure_id", flat=True))
        return [
            voter
            for structure, voter in policy.voters(consultation).items()
            if voter is not None and structure.pk not in voted
        ]
    answered = consultation.votes.values("person_id")
    return list(consultation.people().exclude(pk__in=answered))


def consultation_remind(*, consultation, by) -> int:
    """« Relancer »: notify those who have not voted yet, while it is open."""
    if not policy.is_consultation_editor(by):
        raise PermissionError
    if not consultation.is_open():
        raise ValueError(_("Only an open consultation can be reminded."))
    sent = notify(
        not_voted(consultation),
        NotificationKind.CONSULTATION,
        message=_("Reminder: your answer to « %(title)s » is awaited before %(date)s")
        % {
            "title": consultation.title,
            "date": timezone.localtime(consultation.closes_at).strftime("%d/%m/%Y"),
        },
        url=_url(consultation),
        actor=by,
        target=consultation,
        may_view=_may_view(consultation),
    )
    Consultation.objects.filter(pk=consultation.pk).update(reminded_at=timezone.now())
    return len(sent)
