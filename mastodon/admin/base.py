"""What every admin call shares: the ``/api/v1/admin/...`` route and paginated listings."""
from __future__ import annotations

from typing import Any, Dict, Optional, Type, TypeVar, cast, overload

from .._core.params import page_params, path_segment
from ..internals import Internals
from ..types_base import PaginatableList

_Result = TypeVar("_Result")


class _NoId:
    """The marker of an admin call on a whole collection (no id in the path)."""


NO_ID: Any = _NoId()


class AdminBase(Internals):
    """The request helpers of the admin area mixins."""

    @overload
    def _admin(self, verb: str, resource: str, id: Any = NO_ID,
               action: Optional[str] = None, params: Optional[Dict[str, Any]] = None, *,
               entity: Type[_Result]) -> _Result: ...

    @overload
    def _admin(self, verb: str, resource: str, id: Any = NO_ID,
               action: Optional[str] = None, params: Optional[Dict[str, Any]] = None,
               entity: None = None) -> Any: ...

    def _admin(self, verb: str, resource: str, id: Any = NO_ID,
               action: Optional[str] = None, params: Optional[Dict[str, Any]] = None,
               entity: Any = None) -> Any:
        """One admin request: ``VERB /api/v1/admin/<resource>[/<id>][/<action>]``.

        Returns the answer decoded into ``entity``. A trailing slash on
        ``resource`` is kept for collection calls and dropped when an id
        follows (upstream's domain-block routes). An ``id`` given as None is
        refused: it never turns a call on one object into one on all of them.
        """
        path = f"/api/v1/admin/{resource}"
        if id is not NO_ID:
            path = f"{path.rstrip('/')}/{path_segment(id)}"
        if action is not None:
            path = f"{path}/{action}"
        return self._request(verb, path, params, entity=entity)

    def _admin_page(self, resource: str, entity: Type[_Result], max_id: Any, min_id: Any,
                    since_id: Any, limit: Any, **filters: Any) -> PaginatableList[_Result]:
        """A paginated admin listing of ``entity`` objects."""
        page: Any = PaginatableList[entity]  # type: ignore[valid-type]  # built at run time
        return cast(PaginatableList[_Result],
                    self._admin("GET", resource, entity=page,
                                params=page_params(max_id, min_id, since_id, limit, **filters)))
