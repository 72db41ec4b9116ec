"""Admin and moderation endpoints: accounts, reports, blocks, trends and metrics.

.. warning::

    These calls need an access token with ``admin:read`` / ``admin:write``
    scopes (or their granular variants), granted to both the app and the
    token, and a user whose role allows the action. Such tokens are extremely
    sensitive: anyone holding one can moderate the whole instance. Revoke them
    as soon as you are done testing, never leave them lying around in files or
    repositories, and keep track of which ones are still active.

A call the token or user is not allowed to make fails with the server's
message as MastodonUnauthorizedError (401) or MastodonAPIError (403 and others).
"""
from __future__ import annotations

from .accounts import AdminAccountsMixin
from .blocks import AdminBlocksMixin
from .metrics import AdminMetricsMixin
from .reports import AdminReportsMixin
from .trends import AdminTrendsMixin


class AdminMixin(AdminAccountsMixin, AdminReportsMixin, AdminTrendsMixin, AdminMetricsMixin,
                 AdminBlocksMixin):
    """Moderation and administration of the instance (needs an admin token)."""


Mastodon = AdminMixin  # import path kept for compatibility: mastodon.admin.Mastodon
