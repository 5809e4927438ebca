"""Groups, structures and people as the directory shows them: a person's working groups
are only those the caller may view (a members-only group stays secret)."""


def absolute(request, url):
    return request.build_absolute_uri(url) if url else url


def structure_data(structure) -> dict:
    return {
        "id": structure.pk,
        "name": structure.name,
        "short_name": structure.short_name,
        "kind": structure.kind,
        "departments": structure.departments,
        "city": structure.city,
        "address": structure.address,
        "website": structure.website,
    }


def group_data(group, request, *, member_ids=frozenset()) -> dict:
    return {
        "id": group.pk,
        "title": group.title,
        "url": absolute(request, group.get_url(request=request)),
        "summary": group.summary,
        "status": group.status,
        "visibility": group.visibility,
        "thematics": [{"id": t.pk, "name": t.name} for t in group.thematics.all()],
        "member_count": getattr(group, "member_count", None),
        "is_member": group.pk in member_ids,
    }


def person_data(profile, request, *, profile_url=None) -> dict:
    user = profile.user
    return {
        "id": user.pk,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "full_name": user.get_full_name() or user.get_username(),
        "email": user.email,
        "job_title": profile.job_title,
        "phone": profile.phone,
        "bio": profile.bio,
        "structure": (
            {"id": profile.structure.pk, "name": profile.structure.name}
            if profile.structure
            else None
        ),
        "referent_thematics": [
            {"id": t.pk, "name": t.name}
            for t in (profile.referent_thematics.all() if profile.pk else [])
        ],
        "profile_url": absolute(request, profile_url),
    }
