import posixpath

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import Http404, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.static import serve as static_serve

from wagtail.images import get_image_model

from home.health import checks_run
from home.visibility import image_is_visible_to


@login_not_required
@never_cache
@require_GET
def healthz(request):
    """For load balancers and monitoring: is the database answering (503 otherwise), and is
    everything else well ("degraded" with the problems' codes otherwise, still 200: a
    degraded search index is no reason to take the server out of service)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        problems = checks_run()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    answer = {"status": "ok", "database": "ok"}
    for name, codes in problems.items():
        answer[name] = "degraded" if codes else "ok"
        if codes:
            answer["status"] = "degraded"
            answer[f"{name}_problems"] = codes
    return JsonResponse(answer)


# Only image files are served from MEDIA_ROOT: Wagtail images and their renditions, the
# intranet's profile photos (images/profiles/) and the admin's profile pictures. Documents
# always go through Wagtail's permission-checking document view, never their storage path.
SERVED_MEDIA_FOLDERS = ("images/", "original_images/", "avatar_images/")


def media_file(request, path):
    """Serve an image file to a logged-in user (LoginRequiredMiddleware guards this view).
    The folder is judged on the normalised path: `images/../documents/…` (or its encoded
    forms) is a document, and is not served."""
    path = media_path_visible_to(path, request.user)
    if path is None:
        raise Http404
    return static_serve(request, path, document_root=settings.MEDIA_ROOT)


def media_path_visible_to(path: str, user) -> str | None:
    """The normalised media path when `user` may get that file, else None. The one check of
    the media view and of the PDFs' url fetcher (home/pdf.py)."""
    path = posixpath.normpath(path).lstrip("/")
    if not path.startswith(SERVED_MEDIA_FOLDERS) or ".." in path.split("/"):
        return None
    image = _image_of_file(path)
    if image is not None and not image_is_visible_to(image, user):
        return None
    return path


def _image_of_file(path: str):
    """The Wagtail image whose original or rendition is stored at `path`, if any: its
    collection's view restrictions decide who gets the file."""
    Image = get_image_model()
    if path.startswith("original_images/"):
        return Image.objects.filter(file=path).select_related("collection").first()
    if path.startswith("images/"):
        Rendition = Image.get_rendition_model()
        rendition = Rendition.objects.filter(file=path).select_related("image__collection").first()
        return rendition.image if rendition is not None else None
    return None
