"""The list types: a page of results (with pagination info) and a complete list."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple, Union

from .attrdict import Entity, PaginationInfo, _instance_state
from .values import T


class _EntityList(List[T], Entity):
    """Shared base of the two list types; carries pagination info as attributes."""

    _pagination_next: Optional[PaginationInfo] = None
    _pagination_prev: Optional[PaginationInfo] = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        list.__init__(self, *args)
        next_page = kwargs.pop("next", None)
        prev_page = kwargs.pop("prev", None)
        if next_page is not None:
            self._pagination_next = next_page
        if prev_page is not None:
            self._pagination_prev = prev_page

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list.__repr__(self)})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """Pretty printing for IPython."""
        name = type(self).__name__
        if cycle:
            printer.text(f"{name}([...])")
            return
        with printer.group(len(name) + 1, f"{name}(", ")"):
            printer.pretty(list(self))

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild_list, (type(self), list(self), _instance_state(self)))


def _rebuild_list(cls: type, items: List[Any], state: Dict[str, Any]) -> Any:
    obj: Any = list.__new__(cls)
    list.extend(obj, items)
    for name, value in state.items():
        object.__setattr__(obj, name, value)
    return obj


class PaginatableList(_EntityList[T]):
    """A page of results; ``fetch_next``/``fetch_previous`` continue from it."""


class NonPaginatableList(_EntityList[T]):
    """A complete list of results that has no further pages."""


AttribAccessList = PaginatableList
EntityList = Union[NonPaginatableList[T], PaginatableList[T]]
