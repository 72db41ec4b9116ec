"""Instance information, announcements, custom emojis and the profile directory."""
import datetime
import json

import pytest

from mastodon.errors import (
    MastodonAPIError, MastodonIllegalArgumentError, MastodonNetworkError, MastodonNotFoundError,
    MastodonVersionError,
)
from mastodon.return_types import (
    Account, Activity, Announcement, CustomEmoji, DomainBlock, ExtendedDescription, Instance,
    InstanceV2, Nodeinfo, Rule, SupportedLocale, TermsOfService,
)
from mastodon.types_base import NonPaginatableList, PaginatableList

V2 = {"domain": "mastodon.example", "title": "Example", "version": "4.3.0",
      "configuration": {"statuses": {"max_characters": 500}}}
V1 = {"uri": "mastodon.example", "title": "Old", "version": "3.5.5"}
NODEINFO_INDEX = {"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0",
                             "href": "https://mastodon.example/nodeinfo/2.0"}]}
NODEINFO = {"version": "2.0", "software": {"name": "mastodon", "version": "4.3.0"},
            "protocols": ["activitypub"], "openRegistrations": True,
            "usage": {"users": {"total": 3}}}


# ---------------------------------------------------------------- instance() dispatch
# The version lookup asks v1, then v2, and keeps both answers until clear_caches();
# instance() then fetches its own document afresh, as Mastodon.py does (this replaces
# the earlier v2-first probe whose answer instance() reused).

V1_NEW = {**V1, "version": "4.3.0"}
PROBE = [("GET", "/api/v1/instance/"), ("GET", "/api/v2/instance/")]


def test_instance_learns_the_version_then_fetches_the_v2_document(fake):
    fake.queue(json=V1_NEW)
    fake.queue(json={**V2, "api_versions": {"mastodon": 2}})
    fake.queue(json=V2)
    info = fake.api.instance()
    assert fake.calls == PROBE + [("GET", "/api/v2/instance/")]
    assert isinstance(info, InstanceV2) and info.configuration.statuses.max_characters == 500
    assert (fake.api.mastodon_major, fake.api.mastodon_minor) == (4, 3)
    assert fake.api.mastodon_api_version == 2


def test_instance_asks_afresh_each_time_and_keeps_nothing(fake_at):
    helper = fake_at("4.3.0")
    helper.queue(json=V2)
    helper.queue(json={**V2, "title": "Renamed"})
    first = helper.api.instance()
    second = helper.api.instance()
    assert helper.calls == [("GET", "/api/v2/instance/")] * 2
    assert first.title == "Example" and second.title == "Renamed"
    assert helper.api._facts.documents == {}  # the version lookup's answers are its own


def test_instance_uses_v1_on_old_servers(fake_at):
    old = fake_at("3.5.5")
    old.queue(json=V1)
    info = old.api.instance()
    assert old.calls == [("GET", "/api/v1/instance/")]
    assert isinstance(info, Instance) and info.uri == "mastodon.example"


def test_instance_does_not_fall_back_when_v2_is_missing(fake_at):
    helper = fake_at("4.1.0")
    helper.queue(status=404, json={"error": "Record not found"})
    with pytest.raises(MastodonNotFoundError):
        helper.api.instance()
    assert helper.calls == [("GET", "/api/v2/instance/")]


def test_instance_v1_and_v2_always_ask_the_server(fake_at):
    helper = fake_at("4.3.0")
    helper.queue(json=V1)
    helper.queue(json=V2)
    assert isinstance(helper.api.instance_v1(), Instance)
    assert isinstance(helper.api.instance_v2(), InstanceV2)
    helper.queue(json={**V2, "title": "New"})
    assert helper.api.instance_v2().title == "New"
    assert helper.calls == [("GET", "/api/v1/instance/"), ("GET", "/api/v2/instance/"),
                            ("GET", "/api/v2/instance/")]
    assert helper.api._facts.documents == {}


def test_clear_caches_makes_instance_ask_for_the_version_again(fake):
    for _ in range(2):
        fake.queue(json=V1_NEW)
        fake.queue(json=V2)
        fake.queue(json=V2)
        fake.api.instance()
        fake.api.clear_caches()
    assert fake.calls == (PROBE + [("GET", "/api/v2/instance/")]) * 2


def test_instance_v2_version_check(fake_at):
    old = fake_at("3.5.0", version_check_mode="created")
    with pytest.raises(MastodonVersionError):
        old.api.instance_v2()
    assert old.requests == []


# ---------------------------------------------------------------- simple reads (request shape)

SIMPLE_READS = [
    ("instance_activity", "/api/v1/instance/activity",
     [{"week": "1700000000", "statuses": "3", "logins": "2", "registrations": "1"}],
     NonPaginatableList, Activity),
    ("instance_peers", "/api/v1/instance/peers", ["a.example", "b.example"], NonPaginatableList, str),
    ("instance_rules", "/api/v1/instance/rules", [{"id": "1", "text": "Be nice", "hint": ""}],
     NonPaginatableList, Rule),
    ("instance_domain_blocks", "/api/v1/instance/domain_blocks",
     [{"domain": "bad.example", "digest": "ab", "severity": "suspend", "comment": None}],
     NonPaginatableList, DomainBlock),
    ("instance_languages", "/api/v1/instance/languages", [{"code": "en", "name": "English"}],
     NonPaginatableList, SupportedLocale),
    ("custom_emojis", "/api/v1/custom_emojis",
     [{"shortcode": "blob", "url": "https://x/b.png", "static_url": "https://x/b.png",
       "visible_in_picker": True}], NonPaginatableList, CustomEmoji),
    ("announcements", "/api/v1/announcements",
     [{"id": "7", "content": "<p>hi</p>", "reactions": [{"name": "👍", "count": 2, "me": False}]}],
     NonPaginatableList, Announcement),
]


@pytest.mark.parametrize("name,path,body,list_type,item_type", SIMPLE_READS,
                         ids=[row[0] for row in SIMPLE_READS])
def test_simple_list_reads(fake, name, path, body, list_type, item_type):
    fake.queue(json=body)
    result = getattr(fake.api, name)()
    assert fake.calls == [("GET", path)]
    assert fake.last_query() == []
    assert isinstance(result, list_type) and isinstance(result[0], item_type)


def test_extended_description(fake):
    fake.queue(json={"updated_at": "2024-01-02T03:04:05Z", "content": "<p>About</p>"})
    result = fake.api.instance_extended_description()
    assert fake.calls == [("GET", "/api/v1/instance/extended_description")]
    assert isinstance(result, ExtendedDescription)
    assert result.updated_at == datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)


def test_translation_languages_is_a_plain_mapping(fake):
    fake.queue(json={"en": ["de", "fr"], "de": ["en"]})
    result = fake.api.instance_translation_languages()
    assert fake.calls == [("GET", "/api/v1/instance/translation_languages")]
    assert result["en"] == ["de", "fr"] and result.de == ["en"]


@pytest.mark.parametrize("date,expected", [
    (None, []),
    (datetime.date(2025, 3, 1), [("date", "2025-03-01")]),
    (datetime.datetime(2025, 3, 1, 23, 59), [("date", "2025-03-01")]),
])
def test_terms_of_service(fake, date, expected):
    fake.queue(json={"effective_date": "2025-03-01", "effective": True, "content": "<p>ToS</p>",
                     "succeeded_by": None})
    result = fake.api.instance_terms_of_service(date)
    assert fake.calls == [("GET", "/api/v1/instance/terms_of_service")]
    assert fake.last_query() == expected
    assert isinstance(result, TermsOfService) and result.effective is True


@pytest.mark.parametrize("date", [20250301, "2025-03-01"])
def test_terms_of_service_refuses_what_is_not_a_date(fake, date):
    # a string too, as Mastodon.py refuses it
    with pytest.raises(MastodonIllegalArgumentError, match="should be a datetime.date"):
        fake.api.instance_terms_of_service(date)
    assert fake.requests == []


# ---------------------------------------------------------------- health

@pytest.mark.parametrize("body,healthy", [("OK", True), ("success", True), ("degraded", False)])
def test_health_reads_the_plain_body(fake, body, healthy):
    fake.queue(body=body, headers={"Content-Type": "text/plain"})
    assert fake.api.instance_health() is healthy
    assert fake.calls == [("GET", "/health")]


def test_health_is_false_on_a_server_error(fake_at):
    from mastodon._core.retry import RetryPolicy
    helper = fake_at(None, retry_policy=RetryPolicy(max_retries=0))
    helper.queue(status=503, body="down")
    assert helper.api.instance_health() is False


def test_health_raises_when_unreachable(fake_at):
    import requests
    from mastodon._core.retry import RetryPolicy
    helper = fake_at(None, retry_policy=RetryPolicy(max_retries=0))
    helper.queue(error=requests.ConnectionError("refused"))
    with pytest.raises(MastodonNetworkError):
        helper.api.instance_health()


# ---------------------------------------------------------------- nodeinfo

def test_nodeinfo_follows_the_advertised_document(fake):
    fake.queue(json=NODEINFO_INDEX)
    fake.queue(json=NODEINFO)
    info = fake.api.instance_nodeinfo()
    assert fake.calls == [("GET", "/.well-known/nodeinfo"), ("GET", "/nodeinfo/2.0")]
    assert fake.requests[1].url == "https://mastodon.example/nodeinfo/2.0"
    assert isinstance(info, Nodeinfo) and info.software.name == "mastodon"
    assert info.openRegistrations is True


def test_nodeinfo_picks_the_requested_schema(fake):
    fake.queue(json={"links": [
        {"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0", "href": "https://mastodon.example/ni/2.0"},
        {"rel": "http://nodeinfo.diaspora.software/ns/schema/2.1", "href": "https://mastodon.example/ni/2.1"},
    ]})
    fake.queue(json={**NODEINFO, "version": "2.1"})
    info = fake.api.instance_nodeinfo("http://nodeinfo.diaspora.software/ns/schema/2.1")
    assert fake.calls[-1] == ("GET", "/ni/2.1") and info.version == "2.1"


def test_nodeinfo_retries_the_path_on_the_api_host_after_404(fake_at):
    helper = fake_at(None, api_base_url="https://mastodon.example")
    helper.queue(json={"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0",
                                  "href": "https://MASTODON.example:443/nodeinfo/2.0?x=1"}]})
    helper.queue(status=404, json={"error": "nope"})
    helper.queue(json=NODEINFO)
    assert helper.api.instance_nodeinfo().version == "2.0"
    assert [r.url for r in helper.requests[-2:]] == [
        "https://mastodon.example:443/nodeinfo/2.0?x=1", "https://mastodon.example/nodeinfo/2.0?x=1"]
    assert all("Authorization" in r.headers for r in helper.requests)  # the API's own origin


@pytest.mark.parametrize("href,url", [
    ("https://evil.example/nodeinfo/2.0", "https://evil.example/nodeinfo/2.0"),
    ("https://mastodon.example:8443/nodeinfo/2.0", "https://mastodon.example:8443/nodeinfo/2.0"),
    ("http://mastodon.example/nodeinfo/2.0", "http://mastodon.example/nodeinfo/2.0"),
    ("//evil.example/x", "https://evil.example/x"),
])
def test_nodeinfo_on_another_origin_is_fetched_without_the_token(fake, href, url):
    fake.queue(json={"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0",
                                "href": href}]})
    fake.queue(json=NODEINFO)
    assert fake.api.instance_nodeinfo().software.name == "mastodon"
    index, document = fake.requests
    assert "Authorization" in index.headers
    assert document.url == url and "Authorization" not in document.headers


def test_nodeinfo_on_another_origin_falls_back_to_the_api_host_with_the_token(fake):
    fake.queue(json={"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0",
                                "href": "https://other.example:8443/nodeinfo/2.0"}]})
    fake.queue(status=404, json={"error": "nope"})
    fake.queue(json=NODEINFO)
    assert fake.api.instance_nodeinfo().version == "2.0"
    assert [(r.url, "Authorization" in r.headers) for r in fake.requests[1:]] == [
        ("https://other.example:8443/nodeinfo/2.0", False),
        ("https://mastodon.example/nodeinfo/2.0", True)]


def test_nodeinfo_refuses_a_document_that_is_not_on_the_web(fake):
    fake.queue(json={"links": [{"rel": "http://nodeinfo.diaspora.software/ns/schema/2.0",
                                "href": "file:///etc/passwd"}]})
    with pytest.raises(MastodonAPIError, match="refusing"):
        fake.api.instance_nodeinfo()
    assert fake.calls == [("GET", "/.well-known/nodeinfo")]


def test_nodeinfo_unknown_schema(fake):
    fake.queue(json=NODEINFO_INDEX)
    with pytest.raises(MastodonIllegalArgumentError, match="schema/9.9"):
        fake.api.instance_nodeinfo("http://nodeinfo.diaspora.software/ns/schema/9.9")
    assert len(fake.requests) == 1


# ---------------------------------------------------------------- directory

def test_directory_request_shape_and_offset_paging(fake):
    accounts = [{"id": str(i), "acct": f"u{i}"} for i in (1, 2)]
    fake.queue(json=accounts)
    page = fake.api.directory(offset=4, limit=2, order="new", local=True)
    assert fake.calls == [("GET", "/api/v1/directory")]
    assert fake.last_query() == [("offset", "4"), ("limit", "2"), ("order", "new"), ("local", "1")]
    assert isinstance(page, PaginatableList) and isinstance(page[0], Account)
    fake.queue(json=[{"id": "3", "acct": "u3"}])
    following = fake.api.fetch_next(page)
    assert fake.last_query() == [("offset", "6"), ("limit", "2"), ("order", "new"), ("local", "1")]
    assert following[0].acct == "u3"
    fake.queue(json=accounts)
    fake.api.fetch_previous(page)
    assert ("offset", "2") in fake.last_query()


def test_directory_without_arguments_sends_no_parameters(fake):
    fake.queue(json=[])
    assert fake.api.directory() == []
    assert fake.last_query() == []
    assert fake.api.fetch_next(fake.api.directory()) is None


@pytest.mark.parametrize("kwargs", [{"order": 1}, {"limit": "one"}, {"offset": "three"},
                                    {"local": ["yes"]}])
def test_directory_validates_locally(fake, kwargs):
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.directory(**kwargs)
    assert fake.requests == []


# ---------------------------------------------------------------- announcements (request shape)

def test_announcement_actions_request_shape(fake):
    assert fake.api.announcement_dismiss({"id": "7"}) is None
    assert fake.api.announcement_reaction_create("7", "👍") is None
    assert fake.api.announcement_reaction_delete(7, "blobcat") is None
    assert fake.calls == [("POST", "/api/v1/announcements/7/dismiss"),
                          ("PUT", "/api/v1/announcements/7/reactions/%F0%9F%91%8D"),
                          ("DELETE", "/api/v1/announcements/7/reactions/blobcat")]


@pytest.mark.parametrize("reaction", ["../../statuses/1", "a/b", ".."])
def test_reaction_stays_one_path_segment(fake, reaction):
    fake.api.announcement_reaction_create("7", reaction)
    path = fake.calls[-1][1]
    assert path.startswith("/api/v1/announcements/7/reactions/")
    assert "/" not in path[len("/api/v1/announcements/7/reactions/"):]


def test_announcement_actions_validate(fake):
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.announcement_reaction_create("7", None)
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.announcement_dismiss(None)
    assert fake.requests == []


# ---------------------------------------------------------------- behaviour against mastodon_mock

def _admin_post(mock, path, body):
    """Create data through mock admin endpoints our client has no method for."""
    import urllib.request
    req = urllib.request.Request(mock.base_url + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json",
                                          "Authorization": "Bearer admin_token"})
    with urllib.request.urlopen(req, timeout=10) as response:
        return json.loads(response.read())


def test_mock_instance_v1_v2_and_dispatch(client):
    api = client("alice")
    info = api.instance()
    assert isinstance(info, InstanceV2) and info.version.startswith("4.")
    assert isinstance(api.instance_v1(), Instance)
    assert api.instance_v1().uri
    assert isinstance(api.instance_v2(), InstanceV2)


def test_mock_instance_reads(client):
    api = client("alice")
    assert api.instance_health() is True
    assert isinstance(api.instance_activity()[0], Activity)
    assert api.instance_peers() == []
    assert api.instance_rules() == []
    assert api.instance_domain_blocks() == []
    assert isinstance(api.instance_extended_description(), ExtendedDescription)
    assert "en" in api.instance_translation_languages()
    assert api.instance_languages()  # the mock answers plain codes, kept as they are
    emojis = api.custom_emojis()
    assert {e.shortcode for e in emojis} >= {"blobcat"}
    info = api.instance_nodeinfo()
    assert isinstance(info, Nodeinfo) and info.version == "2.0"


def test_mock_public_domain_blocks_follow_admin_blocks(client, admin_client):
    admin_client.admin_create_domain_block("spam.example", severity="suspend",
                                           public_comment="spam")
    blocks = client("alice").instance_domain_blocks()
    assert [(b.domain, b.severity) for b in blocks] == [("spam.example", "suspend")]


def test_mock_directory(client):
    page = client("alice").directory(local=True, order="new", limit=2)
    assert len(page) == 2 and all(isinstance(a, Account) for a in page)
    rest = client("alice").fetch_remaining(page)
    assert len({a.acct for a in rest}) == len(rest) >= 3


def test_mock_announcements_with_reactions(client, mock):
    created = _admin_post(mock, "/api/v1/admin/announcements", {"text": "Maintenance tonight"})
    alice = client("alice")
    [announcement] = alice.announcements()
    assert announcement.id == created["id"] and announcement.read is False
    alice.announcement_reaction_create(announcement, "👍")
    client("bob").announcement_reaction_create(announcement.id, "👍")
    [reaction] = alice.announcements()[0].reactions
    assert (reaction.name, reaction.count, reaction.me) == ("👍", 2, True)
    alice.announcement_reaction_delete(announcement, "👍")
    [reaction] = alice.announcements()[0].reactions
    assert (reaction.count, reaction.me) == (1, False)
    alice.announcement_dismiss(announcement)
    assert alice.announcements()[0].read is True
    assert client("bob").announcements()[0].read is False


def test_mock_terms_of_service_missing_is_not_found(client):
    from mastodon.errors import MastodonNotFoundError
    with pytest.raises(MastodonNotFoundError):
        client("alice").instance_terms_of_service()


def test_mock_errors_map_to_exceptions(client, mock):
    mock.fault({"match": {"path": "/api/v1/instance/peers"},
                "effect": {"type": "status", "status": 401}, "count": 1})
    from mastodon.errors import MastodonUnauthorizedError
    with pytest.raises(MastodonUnauthorizedError):
        client("alice").instance_peers()
