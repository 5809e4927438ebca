"""What the test provider says about its users. A user's provider-side groups stand for
attributes: "unverified" (email not verified), "structure=<name>", "role=<value>"."""

from oidc_provider.lib.claims import ScopeClaims


def _tagged(user, prefix: str) -> str | None:
    names = user.groups.filter(name__startswith=prefix).values_list("name", flat=True)
    return next((name.removeprefix(prefix) for name in names), None)


def userinfo(claims, user):
    claims["name"] = user.get_full_name()
    claims["given_name"] = user.first_name
    claims["family_name"] = user.last_name
    claims["email"] = user.email
    claims["email_verified"] = not user.groups.filter(name="unverified").exists()
    return claims


class NetworkScopeClaims(ScopeClaims):
    """The "network" scope: the person's structure and role, as a directory would send."""

    def scope_network(self):
        return {
            "structure": _tagged(self.user, "structure="),
            "role": _tagged(self.user, "role="),
        }
