"""Seed-checklist items (shared/notes/seed_features.md) and migration-note claims
that no other test showed.

Each test names the checklist items it covers; docs/dev/seed_audit.md points here.
"""
import json
from typing import Any, Dict, List

import pytest

from mastodon import AttribAccessDict, Mastodon, StreamListener, errors
from mastodon.errors import MastodonIllegalArgumentError
from support.mock_server import TOKENS

LINK = ('<https://mastodon.example/api/v1/timelines/home?max_id=100>; rel="next", '
        '<https://mastodon.example/api/v1/timelines/home?min_id=200>; rel="prev"')


def _status(number: int) -> Dict[str, Any]:
    return {"id": str(number), "content": "<p>hi</p>", "visibility": "public", "mentions": []}


def test_fetch_next_and_previous_take_the_pagination_info_itself(fake):  # B076 B077
    fake.queue(json=[_status(150), _status(120)], headers={"Link": LINK})
    page = fake.api.timeline_home(limit=2)
    fake.queue(json=[_status(90)])
    older = fake.api.fetch_next(page[-1]._pagination_next)
    assert ("max_id", "100") in fake.last_query() and [s.id for s in older] == ["90"]
    fake.queue(json=[_status(250)])
    newer = fake.api.fetch_previous(page[0]._pagination_prev)
    assert ("min_id", "200") in fake.last_query() and [s.id for s in newer] == ["250"]
    assert fake.calls[-2:] == [("GET", "/api/v1/timelines/home")] * 2


def test_pagination_info_is_not_a_dict_key(fake):  # B075
    fake.queue(json=[_status(150)], headers={"Link": LINK})
    [status] = fake.api.timeline_home()
    assert status._pagination_next["max_id"] == 100
    assert "_pagination_next" not in status and "_pagination_next" not in json.dumps(status,
                                                                                     default=str)


def test_a_handler_for_an_unlisted_dotted_event_is_called():  # B152
    class Listener(StreamListener):
        def __init__(self) -> None:
            self.got: List[Any] = []

        def on_custom_thing_happened(self, payload: Any) -> None:
            self.got.append(payload)

        def on_unknown_event(self, name: str, unknown_event: Any = None) -> None:
            self.got.append(("unknown", name))

    listener = Listener()
    for event in ("custom.thing.happened", "custom.other"):
        listener.handle_websocket_message(json.dumps(
            {"stream": ["user"], "event": event, "payload": json.dumps({"a": 1})}))
    assert listener.got == [{"a": 1}, ("unknown", "custom.other")]
    assert isinstance(listener.got[0], AttribAccessDict)


def test_public_local_and_hashtag_timelines_without_a_token(client, mock):  # B008
    posted = client("alice").status_post("anyone may read #open")
    anonymous = Mastodon(api_base_url=mock.base_url)
    try:
        for page in (anonymous.timeline_public(), anonymous.timeline_local(),
                     anonymous.timeline_hashtag("open")):
            assert posted.id in [status.id for status in page]
    finally:
        anonymous.close()


def test_oauth_calls_on_plain_http_need_allow_http(mock):  # migration notes
    client_id, client_secret = Mastodon.create_app("seeds", api_base_url=mock.base_url)
    alice = Mastodon(client_id=client_id, client_secret=client_secret,
                     access_token=TOKENS["alice"], api_base_url=mock.base_url)
    try:
        with pytest.raises(MastodonIllegalArgumentError, match="allow_http"):
            alice.log_in(code="any code")
        with pytest.raises(MastodonIllegalArgumentError, match="allow_http"):
            alice.revoke_access_token()
        assert alice.access_token == TOKENS["alice"] and alice.me().username == "alice"
    finally:
        alice.close()


@pytest.mark.parametrize("child,parent", [  # B102-B108, B111
    ("MastodonFileNotFoundError", "MastodonIOError"),
    ("MastodonNetworkError", "MastodonIOError"),
    ("MastodonReadTimeout", "MastodonNetworkError"),
    ("MastodonNotFoundError", "MastodonAPIError"),
    ("MastodonUnauthorizedError", "MastodonAPIError"),
    ("MastodonServerError", "MastodonAPIError"),
    ("MastodonIOError", "MastodonError"),
    ("MastodonAPIError", "MastodonError"),
])
def test_the_exception_hierarchy_of_the_manuals(child: str, parent: str) -> None:
    assert issubclass(getattr(errors, child), getattr(errors, parent))


def test_a_client_id_without_its_secret_is_refused(fake):  # B012
    with pytest.raises(MastodonIllegalArgumentError, match="client_secret"):
        Mastodon(client_id="abc", api_base_url="https://mastodon.example", session=fake.session)
    assert fake.requests == []
