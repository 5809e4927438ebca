"""Second factor (django-otp): an authenticator app (TOTP) and single-use recovery codes.

Anyone may turn it on from their account; editors and administrators must, before any admin
page, when TRAME_REQUIRE_2FA_FOR_STAFF is true (the production default). A session that has
a device must be verified once after the password, whatever page it asks for.
"""
