"""Objects that hold locks yet pickle: the locks are left out and made anew on load."""
from __future__ import annotations

from typing import Any, ClassVar, Dict, Tuple


class RecreatedLocks:
    """Mixin for a class whose ``_make_locks()`` creates the attributes named in ``_locks``.

    Locks cannot be pickled and mean nothing in another process, so the pickled
    state leaves them out and unpickling calls ``_make_locks()`` again.
    """

    _locks: ClassVar[Tuple[str, ...]] = ()

    def _make_locks(self) -> None:
        raise NotImplementedError

    def __getstate__(self) -> Dict[str, Any]:
        return {key: value for key, value in self.__dict__.items() if key not in self._locks}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._make_locks()
