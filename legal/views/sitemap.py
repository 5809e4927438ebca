from django.shortcuts import render

from wagtail.models import Site

from legal.sitemap import sitemap_for


def sitemap(request):
    site = Site.find_for_request(request)
    tree = sitemap_for(request.user, site, request) if site else []
    return render(request, "legal/sitemap.html", {"tree": tree, "home_url": "/"})
