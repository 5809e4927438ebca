"""Wagtail's accessibility checker (axe-core in the userbar, and the « Vérifications » panel
of the editor) is on for editors while they write, and absent for readers."""

CHECKER = 'id="checker-axe-configuration"'


def test_editor_has_the_checker_in_the_userbar(client, editor, site_pages):
    client.force_login(editor)
    assert CHECKER in client.get(site_pages["content"].url).content.decode()


def test_editor_has_the_checker_on_legal_pages_too(client, editor, legal_pages):
    client.force_login(editor)
    assert CHECKER in client.get("/accessibilite/").content.decode()


def test_editor_has_the_checks_panel_while_editing(client, editor, site_pages):
    client.force_login(editor)
    response = client.get(f"/admin/pages/{site_pages['content'].pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-side-panel="checks"' in html
    assert "checker-axe-configuration" in html


def test_readers_have_no_userbar(professional_client, site_pages):
    html = professional_client.get(site_pages["content"].url).content.decode()
    assert CHECKER not in html
    assert "data-wagtail-userbar" not in html
