"""Start the test provider: migrate its database, create its signing key, its client (Trame)
and its users from a JSON file, then serve on 127.0.0.1 (a free port) until killed.

    SSO_PROVIDER_DB=… python -m tests.sso.provider.serve <setup.json>

It prints "ready <port>" once it listens.
"""

import json
import os
import sys


def setup(config: dict) -> None:
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from oidc_provider.models import Client, ResponseType, RSAKey

    call_command("migrate", verbosity=0, interactive=False)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    ).decode()
    RSAKey.objects.create(key=pem)
    for spec in config["clients"]:
        client = Client.objects.create(
            name=spec["client_id"],
            client_type="confidential",
            client_id=spec["client_id"],
            client_secret=spec["client_secret"],
            jwt_alg="RS256",
            require_consent=False,
        )
        client.redirect_uris = spec["redirect_uris"]
        client.post_logout_redirect_uris = spec["post_logout_redirect_uris"]
        client.save()
        client.response_types.add(ResponseType.objects.get(value="code"))
    for spec in config["users"]:
        user = User.objects.create_user(
            spec["username"],
            email=spec["email"],
            password=spec["password"],
            first_name=spec.get("first_name", ""),
            last_name=spec.get("last_name", ""),
        )
        for name in spec.get("tags", []):
            user.groups.add(Group.objects.get_or_create(name=name)[0])


def main() -> None:
    config_path = sys.argv[1]
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.sso.provider.settings"
    import django

    django.setup()
    import socketserver

    from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
    from django.core.wsgi import get_wsgi_application

    with open(config_path, encoding="utf-8") as config_file:
        setup(json.load(config_file))

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    class ThreadedServer(socketserver.ThreadingMixIn, WSGIServer):
        daemon_threads = True

    # Port 0: the system picks a free port (parallel test workers never collide).
    server = ThreadedServer(("127.0.0.1", 0), QuietHandler)
    server.set_app(get_wsgi_application())
    print(f"ready {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
