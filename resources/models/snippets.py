from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceType(models.Model):
    """A kind of resource (guide, fiche pratique…): an editable list, managed as a snippet."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("resource type")
        verbose_name_plural = _("resource types")

    def __str__(self):
        return self.name
