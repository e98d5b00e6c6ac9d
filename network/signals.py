"""Purge the page caches when what the public sees of the network changes: a group approved, changed while
approved, withdrawn or deleted. A new submission changes no public page, so the join form never purges."""

from django.db.models.signals import post_delete, post_save

from home import http_cache, page_cache

from .models import Registration, Status


def public_changed():
    page_cache.bump_generation()
    http_cache.everything_changed()


def registration_saved(sender, instance, created, **kwargs):
    if instance.status == Status.APPROVED or instance.was_public():
        public_changed()
    instance._loaded_status = instance.status


def registration_deleted(sender, instance, **kwargs):
    if instance.status == Status.APPROVED or instance.was_public():
        public_changed()


def connect():
    post_save.connect(registration_saved, sender=Registration, dispatch_uid="network_registration_saved")
    post_delete.connect(registration_deleted, sender=Registration, dispatch_uid="network_registration_deleted")
