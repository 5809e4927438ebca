"""Demo legal pages: the accessibility statement and plan, the privacy policy, the notices."""

from home.models import HomePage
from legal.setup import ensure_legal_pages


def build_demo(demo):
    pages = ensure_legal_pages(HomePage.objects.get())
    demo.log(f"{len(pages)} pages légales")
