"""A token altered between the provider and Trame is refused: bad signature, forged claims,
another client's audience, another issuer, a replayed nonce, an expired token, no signature.
The provider is real; a man in the middle rewrites its token answer (conftest.TokenTamperer)."""

import base64
import json
import time

from django.contrib.auth import get_user_model

import jwt
import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REFUSAL = "La réponse du fournisseur d’identité n’a pas pu être vérifiée"


def _segment(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _claims(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def _resigned(provider, **changes):
    """Signed again with the provider's own key: only the changed claim is wrong."""

    def transform(token):
        header = jwt.get_unverified_header(token)
        claims = {**_claims(token), **changes}
        return jwt.encode(claims, provider.signing_key(), algorithm="RS256", headers=header)

    return transform


def _bad_signature(token):
    header, payload, signature = token.split(".")
    flipped = ("A" if signature[10] != "A" else "B").join((signature[:10], signature[11:]))
    return ".".join((header, payload, flipped))


def _forged_claims(token):
    header, _payload, signature = token.split(".")
    claims = {**_claims(token), "email": "directeur@ml-dijon.test"}
    return ".".join((header, _segment(claims), signature))


def _unsigned(token):
    return ".".join((_segment({"alg": "none", "typ": "JWT"}), _segment(_claims(token)), ""))


TAMPERINGS = {
    "bad_signature": lambda provider: _bad_signature,
    "forged_claims": lambda provider: _forged_claims,
    "unsigned": lambda provider: _unsigned,
    "wrong_audience": lambda provider: _resigned(provider, aud="un-autre-client"),
    "wrong_issuer": lambda provider: _resigned(provider, iss="http://127.0.0.1:9/openid"),
    "wrong_nonce": lambda provider: _resigned(provider, nonce="nonce-d-une-autre-session"),
    "expired": lambda provider: _resigned(provider, exp=int(time.time()) - 3600),
}


def test_an_untouched_answer_through_the_same_path_signs_in(tamperer, browser):
    """The control: the man in the middle alone changes nothing."""
    page = browser.sso_login("helene")

    assert page.url.endswith("/reseau/mon-profil/")
    assert "Hélène Durand" in page.text


@pytest.mark.parametrize("tampering", TAMPERINGS)
def test_a_tampered_id_token_is_refused(tamperer, browser, oidc_provider, tampering):
    tamperer.transform = TAMPERINGS[tampering](oidc_provider)

    page = browser.sso_login("ines")

    assert page.url.endswith("/connexion/")
    assert REFUSAL in page.text
    assert not get_user_model().objects.filter(email="ines.moreau@ml-dijon.test").exists()
    assert browser.get("/reseau/mon-profil/").url.split("?")[0].endswith("/connexion/")
