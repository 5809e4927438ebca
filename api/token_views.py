"""The profile's API tokens: create (the token is shown once, in the answer to the form),
list, and revoke after a confirmation page."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from api.forms import TokenCreateForm
from api.models import ApiToken
from api.tokens import token_create, token_revoke


@never_cache
@require_http_methods(["GET", "POST"])
def token_list(request):
    form = TokenCreateForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            token, clear = token_create(
                user=request.user,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                expires_at=form.expires_at(),
            )
            return render(request, "api/token_created.html", {"token": token, "clear": clear})
        messages.error(request, _("Please correct the errors below."))
    tokens = ApiToken.objects.filter(user=request.user)
    return render(
        request,
        "api/tokens.html",
        {"form": form, "tokens": tokens},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def token_revoke_view(request, token_id):
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user, revoked_at__isnull=True)
    if request.method == "POST":
        token_revoke(token)
        messages.success(
            request,
            _("The token “%(name)s” is revoked: it no longer works.") % {"name": token.name},
        )
        return redirect("api_tokens:list")
    return render(request, "api/token_revoke.html", {"token": token})
