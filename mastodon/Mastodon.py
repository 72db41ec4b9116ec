"""Compatibility module: the import paths of ``mastodon.Mastodon`` older code uses.

Re-exports the client class, every exception and warning, the version
helpers and all entity types.
"""
from .client import Mastodon as Mastodon  # re-exported (the "as" says so to type checkers)
from .errors import *  # noqa: F401,F403
from .return_types import *  # noqa: F401,F403
from .versions import api_version, max_version, parse_version_string  # noqa: F401
