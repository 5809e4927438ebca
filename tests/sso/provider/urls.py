from django.contrib.auth import authenticate, login
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import include, path
from django.utils.html import escape

LOGIN_FORM = """<!doctype html><title>Fournisseur de test</title>
<form method="post"><input name="username"><input name="password" type="password">
<input type="hidden" name="next" value="{next}"><button>Connexion</button></form>"""


def login_view(request):
    """The provider's own login page (a real directory would ask the same)."""
    next_url = request.POST.get("next") or request.GET.get("next") or "/"
    if request.method == "POST":
        user = authenticate(
            request, username=request.POST.get("username"), password=request.POST.get("password")
        )
        if user is not None:
            login(request, user)
            return HttpResponseRedirect(next_url)
    return HttpResponse(LOGIN_FORM.format(next=escape(next_url)))


urlpatterns = [
    path("login/", login_view),
    path("openid/", include("oidc_provider.urls", namespace="oidc_provider")),
]
