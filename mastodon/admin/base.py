"""What every admin call shares: the ``/api/v1/admin/...`` route and paginated listings."""
from __future__ import annotations

from typing import Any, Dict, Optional

from .._core.params import page_params, path_segment
from ..internals import Internals
from ..types_base import IdType, PaginatableList


class AdminBase(Internals):
    """The request helpers of the admin area mixins."""

    def _admin(self, verb: str, resource: str, id: Optional[IdType] = None,
               action: Optional[str] = None, params: Optional[Dict[str, Any]] = None,
               entity: Any = None) -> Any:
        """One admin request: ``VERB /api/v1/admin/<resource>[/<id>][/<action>]``.

        A trailing slash on ``resource`` is kept for collection calls and
        dropped when an id follows (upstream's domain-block routes).
        """
        path = f"/api/v1/admin/{resource}"
        if id is not None:
            path = f"{path.rstrip('/')}/{path_segment(id)}"
        if action is not None:
            path = f"{path}/{action}"
        return self._request(verb, path, params, entity=entity)

    def _admin_page(self, resource: str, entity: Any, max_id: Any, min_id: Any,
                    since_id: Any, limit: Any, **filters: Any) -> Any:
        """A paginated admin listing."""
        return self._admin("GET", resource, params=page_params(max_id, min_id, since_id, limit,
                                                               **filters),
                           entity=PaginatableList[entity])

