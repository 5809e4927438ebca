from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from home.data_export import as_csv_zip, as_json, collect


def my_data(request):
    sections = collect(request.user)
    return render(request, "legal/my_data.html", {"sections": sections})


def _download(content: bytes, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    name = f"mes-donnees-trame-{timezone.localdate():%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store, private"
    return response


def my_data_json(request):
    return _download(as_json(collect(request.user)), "application/json; charset=utf-8", "json")


def my_data_csv(request):
    return _download(as_csv_zip(collect(request.user)), "application/zip", "zip")
