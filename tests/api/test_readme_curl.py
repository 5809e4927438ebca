"""The README's curl example, run as written against a live server with a real token: the
documentation and the API cannot drift apart."""

import json
import pathlib
import re
import shutil
import subprocess

import pytest

from api.tokens import token_create
from tests.factories import NewsIndexPageFactory, NewsPageFactory, ProfileFactory, UserFactory

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"
MARKER = "<!-- api-curl-example"


def readme_curl_example() -> str:
    text = README.read_text(encoding="utf-8")
    after_marker = text.split(MARKER, 1)[1]
    return re.search(r"```bash\n(.*?)```", after_marker, re.S).group(1)


def test_the_readme_example_is_a_curl_call_with_the_token():
    example = readme_curl_example()
    assert example.lstrip().startswith("curl ")
    assert "Authorization: Bearer $TRAME_JETON" in example


@pytest.mark.django_db(transaction=True)
def test_the_readme_curl_example_works(live_server):
    if shutil.which("curl") is None or shutil.which("bash") is None:
        pytest.skip(
            "curl (ou bash) est absent de cette machine : l'exemple du README n'est pas lancé"
        )
    from home.models import HomePage

    user = ProfileFactory(user=UserFactory(username="integration")).user
    index = NewsIndexPageFactory(parent=HomePage.objects.get())
    NewsPageFactory(parent=index, title="Actualité lue par curl")
    _token, clear = token_create(user=user, name="curl", scope="read")

    result = subprocess.run(  # noqa: S603 - the README's own example, with test values
        ["bash", "-c", readme_curl_example()],  # noqa: S607
        env={"PATH": "/usr/bin:/bin", "TRAME_URL": live_server.url, "TRAME_JETON": clear},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    titles = [item["title"] for item in json.loads(result.stdout)["results"]]
    assert titles == ["Actualité lue par curl"]

    unknown = subprocess.run(  # noqa: S603
        ["bash", "-c", readme_curl_example()],  # noqa: S607
        env={"PATH": "/usr/bin:/bin", "TRAME_URL": live_server.url, "TRAME_JETON": "trame_x_y"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert unknown.returncode != 0
    assert json.loads(unknown.stdout) == {"detail": "Jeton d'API inconnu."}
