"""Wagtail's search index (the admin's page search) for orientations, axes and actions.

These page types opt out of modelsearch's signal handlers (`search_auto_update = False`) and
get the same behaviour here, with one difference: inside `search_index_deferred()`, the
pages saved are gathered and indexed in one pass per page type when the block ends. An
import of thousands of actions saves each page once; indexing each save on its own would
cost a pass over the whole index per page (the database backend recomputes its title norms
on every addition)."""

from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save

from asgiref.local import Local
from modelsearch import index
from modelsearch.backends import get_search_backends
from modelsearch.tasks import insert_or_update_object_task

_state = Local()  # per thread and per async task, as Wagtail's own log context


def page_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    pending = getattr(_state, "pending", None)
    if pending is not None:
        pending.setdefault(type(instance), {})[instance.pk] = instance
        return
    insert_or_update_object_task.enqueue(
        instance._meta.app_label, instance._meta.model_name, str(instance.pk)
    )


def page_deleted(sender, instance, **kwargs):
    index.remove_object(instance)


def connect(models):
    """Index `models` on save and unindex them on delete, as modelsearch would."""
    for model in models:
        uid = f"strategy-search-index-{model._meta.model_name}"
        post_save.connect(page_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(page_deleted, sender=model, dispatch_uid=uid)


@contextmanager
def search_index_deferred():
    """Pages of the types connected here that are saved inside the block are indexed
    together when it ends without error (inside a nested block: when the outer one ends)."""
    if getattr(_state, "pending", None) is not None:
        yield
        return
    _state.pending = {}
    try:
        yield
        pending = _state.pending
    finally:
        del _state.pending
    for model, pages in pending.items():
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, list(pages.values()))
