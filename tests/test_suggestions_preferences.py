"""Follow suggestions, preferences and read markers."""
import pytest

from mastodon.errors import MastodonIllegalArgumentError, MastodonNotFoundError
from mastodon.return_types import Account, Marker, Preferences, Suggestion

ACCOUNT = {"id": "5", "acct": "bob", "username": "bob"}
PROBE = [("GET", "/api/v1/instance/"), ("GET", "/api/v2/instance/")]  # the version lookup


# ---------------------------------------------------------------- suggestions (request shape)

def test_suggestions_v2_on_new_servers(fake):
    fake.queue(json={"version": "4.3.0"})
    fake.queue(json={})  # the v2 document, asked after v1 as Mastodon.py does
    fake.queue(json=[{"source": "global", "sources": ["featured"], "account": ACCOUNT}])
    [suggestion] = fake.api.suggestions()
    assert fake.calls == PROBE + [("GET", "/api/v2/suggestions")]
    assert isinstance(suggestion, Suggestion) and isinstance(suggestion.account, Account)
    assert suggestion.sources == ["featured"]


def test_suggestions_v1_on_old_servers(fake):
    fake.queue(json={"version": "3.3.0"})
    fake.queue(json={})  # the v2 document, asked after v1 as Mastodon.py does
    fake.queue(json=[ACCOUNT])
    [account] = fake.api.suggestions()
    assert fake.calls == PROBE + [("GET", "/api/v1/suggestions")]
    assert isinstance(account, Account) and account.acct == "bob"


def test_suggestions_probes_the_version_once(fake):
    fake.queue(json={"version": "4.0.0"})
    fake.queue(json={})  # the v2 document, asked after v1 as Mastodon.py does
    fake.queue(json=[])
    fake.queue(json=[])
    fake.api.suggestions()
    fake.api.suggestions()
    assert fake.calls == PROBE + [("GET", "/api/v2/suggestions"),
                          ("GET", "/api/v2/suggestions")]


def test_explicit_suggestion_versions(fake):
    fake.queue(json=[ACCOUNT])
    fake.queue(json=[])
    assert isinstance(fake.api.suggestions_v1()[0], Account)
    assert fake.api.suggestions_v2() == []
    assert fake.calls == [("GET", "/api/v1/suggestions"), ("GET", "/api/v2/suggestions")]


def test_suggestion_delete(fake):
    assert fake.api.suggestion_delete({"id": "5"}) is None
    assert fake.api.suggestion_delete("../x") is None
    assert fake.calls == [("DELETE", "/api/v1/suggestions/5"), ("DELETE", "/api/v1/suggestions/..%2Fx")]
    with pytest.raises(MastodonIllegalArgumentError, match="account_id"):
        fake.api.suggestion_delete([1])
    assert len(fake.requests) == 2


# ---------------------------------------------------------------- preferences and markers (shape)

def test_preferences_keep_colon_keys(fake):
    fake.queue(json={"posting:default:visibility": "unlisted", "posting:default:sensitive": False,
                     "posting:default:language": None, "reading:expand:media": "default",
                     "reading:expand:spoilers": False})
    prefs = fake.api.preferences()
    assert fake.calls == [("GET", "/api/v1/preferences")]
    assert isinstance(prefs, Preferences)
    assert prefs["posting:default:visibility"] == "unlisted"


@pytest.mark.parametrize("timeline,query", [
    ((), [("timeline[]", "home")]),
    (("notifications",), [("timeline[]", "notifications")]),
    ((["home", "notifications"],), [("timeline[]", "home"), ("timeline[]", "notifications")]),
])
def test_markers_get_shape(fake, timeline, query):
    fake.queue(json={"home": {"last_read_id": "42", "version": 3,
                              "updated_at": "2024-05-01T10:00:00.000Z"}})
    markers = fake.api.markers_get(*timeline)
    assert fake.calls == [("GET", "/api/v1/markers")]
    assert fake.last_query() == query
    assert isinstance(markers["home"], Marker) and markers["home"].last_read_id == "42"
    assert markers.home.updated_at.year == 2024


def test_markers_get_default_is_never_modified(fake):
    import inspect
    fake.api.markers_get()
    fake.api.markers_get()
    assert fake.requests[0].url == fake.requests[1].url
    assert inspect.signature(fake.api.markers_get).parameters["timeline"].default == ["home"]


def test_markers_set_shape(fake):
    fake.queue(json={"home": {"last_read_id": "42", "version": 1, "updated_at": None},
                     "notifications": {"last_read_id": "9", "version": 1, "updated_at": None}})
    markers = fake.api.markers_set(["home", "notifications"], [{"id": "42"}, 9])
    assert fake.calls == [("POST", "/api/v1/markers")]
    assert fake.last_json() == {"home": {"last_read_id": "42"},
                                "notifications": {"last_read_id": "9"}}
    assert markers["notifications"].last_read_id == "9"
    fake.api.markers_set("home", "43")
    assert fake.last_json() == {"home": {"last_read_id": "43"}}


@pytest.mark.parametrize("timelines,ids", [
    (["home", "notifications"], ["1"]),
    ([5], "1"),
    ("home", None),
    (3, "1"),
])
def test_markers_set_validates(fake, timelines, ids):
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.markers_set(timelines, ids)
    assert fake.requests == []


def test_markers_get_validates(fake):
    with pytest.raises(MastodonIllegalArgumentError, match="timeline"):
        fake.api.markers_get(["home", 3])
    assert fake.requests == []


# ---------------------------------------------------------------- behaviour against mastodon_mock

def test_mock_suggestions_and_dismissal(client):
    carol = client("carol")
    suggested = carol.suggestions()
    assert suggested and all(isinstance(s, Suggestion) for s in suggested)
    by_acct = {s.account.acct: s.account for s in suggested}
    assert "carol" not in by_acct and "bob" in by_acct
    carol.suggestion_delete(by_acct["bob"])
    assert "bob" not in {s.account.acct for s in carol.suggestions()}
    assert "bob" not in {a.acct for a in carol.suggestions_v1()}
    with pytest.raises(MastodonNotFoundError):
        carol.suggestion_delete("999999999")


def test_mock_preferences(client):
    prefs = client("alice").preferences()
    assert prefs["posting:default:visibility"] in ("public", "unlisted", "private", "direct")


def test_mock_markers_round_trip(client):
    alice = client("alice")
    status = alice.status_post("marker me")
    assert alice.markers_get() == {}
    saved = alice.markers_set("home", status)
    assert saved["home"].last_read_id == status.id
    again = alice.markers_set(["home"], [status.id])
    assert again["home"].version == saved["home"].version + 1
    read = alice.markers_get(["home", "notifications"])
    assert list(read) == ["home"] and read["home"].last_read_id == status.id
    assert client("bob").markers_get() == {}
