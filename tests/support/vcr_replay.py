"""Replaying the recorded Mastodon.py traffic in tests/recorded/cassettes with vcrpy.

::

    with Replay("test_account") as rec:
        me = rec.api().account_verify_credentials()
        assert me.id == rec.answer(0)["id"]

Inside the block nothing reaches a network (``record_mode="none"``): every
request must match an unplayed recorded one as data (support/vcr_match.py)
and carry the same bearer token, and on leaving the block every recorded
request must have been replayed.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional

import vcr
import yaml

from .vcr_match import header, match_as_data, match_auth, match_field_names, multipart_parts

CASSETTES = Path(__file__).resolve().parent.parent / "recorded" / "cassettes"
BASE_URL = "http://localhost:3000"

#: The three test users by number: 1 mastodonpy_test, 2 admin, 3 mastodonpy_test_2.
TOKENS = {1: "__MASTODON_PY_TEST_ACCESS_TOKEN", 2: "__MASTODON_PY_TEST_ACCESS_TOKEN_2",
          3: "__MASTODON_PY_TEST_ACCESS_TOKEN_3"}

_VCR = vcr.VCR(record_mode="none", decode_compressed_response=True,
               match_on=["method", "scheme", "host", "port", "as_data", "field_names", "auth"])
_VCR.register_matcher("as_data", match_as_data)
_VCR.register_matcher("auth", match_auth)
_VCR.register_matcher("field_names", match_field_names)


def make_client(user: Optional[int] = 1, base_url: str = BASE_URL, **kwargs: Any) -> Any:
    """A client configured as the recording one was; ``user=None`` is anonymous."""
    from mastodon import Mastodon

    options: Dict[str, Any] = {"api_base_url": base_url, "mastodon_version": "4.5.0",
                               "version_check_mode": "created", "user_agent": "tests/v311"}
    if user is not None:
        options.update(access_token=TOKENS[user],
                       client_id="__MASTODON_PY_TEST_CLIENT_ID",
                       client_secret="__MASTODON_PY_TEST_CLIENT_SECRET")
    options.update(kwargs)
    return Mastodon(**options)


class Replay:
    """One cassette replayed for the duration of a ``with`` block."""

    def __init__(self, name: str) -> None:
        self.path = CASSETTES / f"{name}.yaml"
        with open(self.path, "rb") as handle:
            self.interactions: List[Dict[str, Any]] = yaml.safe_load(handle)["interactions"]
        self._clients: List[Any] = []
        self._context: Any = None
        self.cassette: Any = None

    def __enter__(self) -> "Replay":
        self._context = _VCR.use_cassette(str(self.path))
        self.cassette = self._context.__enter__()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        try:
            self._context.__exit__(*exc_info)
        finally:
            for api in self._clients:
                api.session.close()
        if exc_info[0] is None:
            unplayed = [f"{r['request']['method']} {r['request']['uri']}"
                        for index, r in enumerate(self.interactions)
                        if not self.cassette.play_counts[index]]
            assert not unplayed, f"recorded requests never replayed: {unplayed}"

    def api(self, user: Optional[int] = 1, **kwargs: Any) -> Any:
        """A client for one of the recorded users (closed when the block ends)."""
        api = make_client(user, **kwargs)
        self._clients.append(api)
        return api

    def answer(self, index: int) -> Any:
        """The recorded JSON answer of interaction ``index``."""
        body = self.interactions[index]["response"]["body"]["string"]
        return json.loads(body)

    def status(self, index: int) -> int:
        """The recorded HTTP status of interaction ``index``."""
        return int(self.interactions[index]["response"]["status"]["code"])

    def uploads(self) -> List[bytes]:
        """The contents of every file uploaded in the cassette, in recorded order."""
        found: List[bytes] = []
        for interaction in self.interactions:
            request = interaction["request"]
            content_type = header(request.get("headers"), "Content-Type") or ""
            if content_type.startswith("multipart/form-data"):
                found.extend(content for head, content in
                             multipart_parts(request["body"], content_type)
                             if 'filename="' in head)
        return found

