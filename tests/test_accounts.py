"""Accounts: request shapes on the fake transport, behaviour on the mock server."""
import io
import warnings
from datetime import date, datetime, timedelta

import pytest

from mastodon import Mastodon
from mastodon.errors import (
    MastodonAPIError, MastodonDeprecationWarning, MastodonIllegalArgumentError, MastodonNotFoundError,
    MastodonVersionError,
)
from mastodon.return_types import (
    Account, AccountCreationError, FamiliarFollowers, Relationship, Status, Tag, UserList,
)
from mastodon.types_base import NonPaginatableList, PaginatableList
from support.fake_transport import FakeMastodon, form_of, query_of

ACCOUNT = {"id": "7", "username": "bob", "acct": "bob", "display_name": "Bob"}
RELATIONSHIP = {"id": "7", "following": True, "showing_reblogs": True, "notifying": False}
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff"
       b"\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")


def _multipart_fields(request):
    """(name, filename, content type, bytes) of each part of a multipart body."""
    boundary = request.headers["Content-Type"].split("boundary=")[1].encode()
    parts = []
    for chunk in request.body.split(b"--" + boundary)[1:-1]:
        head, _, body = chunk.strip(b"\r\n").partition(b"\r\n\r\n")
        head = head.decode()
        name = head.split('name="')[1].split('"')[0]
        filename = head.split('filename="')[1].split('"')[0] if "filename=" in head else None
        ctype = head.split("Content-Type: ")[1].split("\r\n")[0] if "Content-Type:" in head else None
        parts.append((name, filename, ctype, body))
    return parts


# ---------------------------------------------------------------- reading (fake)

def test_account_and_verify_credentials_and_me(fake):
    fake.queue(json=ACCOUNT)
    assert isinstance(fake.api.account({"id": 7}), Account)
    fake.api.account_verify_credentials()
    fake.api.me()
    assert fake.calls == [("GET", "/api/v1/accounts/7"),
                          ("GET", "/api/v1/accounts/verify_credentials"),
                          ("GET", "/api/v1/accounts/verify_credentials")]
    fake.api.account("../../admin")
    assert fake.last.path_url == "/api/v1/accounts/..%2F..%2Fadmin"


def test_accounts_by_ids(fake):
    fake.queue(json=[ACCOUNT])
    result = fake.api.accounts([1, {"id": "2"}])
    assert fake.calls == [("GET", "/api/v1/accounts")]
    assert fake.last_query() == [("id[]", "1"), ("id[]", "2")]
    assert isinstance(result, NonPaginatableList) and isinstance(result[0], Account)


def test_account_lookup(fake):
    fake.queue(json=ACCOUNT)
    assert fake.api.account_lookup("bob@example.org").acct == "bob"
    assert fake.calls == [("GET", "/api/v1/accounts/lookup")]
    assert fake.last_query() == [("acct", "bob@example.org")]
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.account_lookup(None)


def test_account_search_sends_its_default_flags_as_mastodon_py_does(fake):
    fake.queue(json=[ACCOUNT])
    result = fake.api.account_search("bob")
    assert fake.last_query() == [("q", "bob"), ("following", "0"), ("resolve", "0")]
    assert isinstance(result, PaginatableList) and isinstance(result[0], Account)
    fake.api.account_search("bob", limit=5, following=True, resolve=True, offset=10)
    assert fake.calls[-1] == ("GET", "/api/v1/accounts/search")
    assert fake.last_query() == [("q", "bob"), ("limit", "5"), ("following", "1"),
                                 ("resolve", "1"), ("offset", "10")]
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.account_search("bob", limit="many")


def test_account_statuses_every_filter_flag(fake):
    fake.queue(json=[{"id": "3", "content": "x"}])
    result = fake.api.account_statuses(7)
    assert fake.calls == [("GET", "/api/v1/accounts/7/statuses")]
    assert fake.last_query() == []
    assert isinstance(result[0], Status)
    fake.api.account_statuses(ACCOUNT, only_media=True, pinned=True, exclude_replies=True,
                              exclude_reblogs=True, tagged="cats", max_id=9, min_id=2,
                              since_id=1, limit=20, exclude_direct=True)
    assert sorted(fake.last_query()) == sorted([
        ("max_id", "9"), ("min_id", "2"), ("since_id", "1"), ("limit", "20"),
        ("tagged", "cats"), ("only_media", "1"), ("pinned", "1"),
        ("exclude_replies", "1"), ("exclude_reblogs", "1"), ("exclude_direct", "1")])
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.account_statuses(7, only_media=["yes"])


@pytest.mark.parametrize("method", ["account_followers", "account_following"])
def test_followers_and_following_paginate(fake, method):
    link = '<https://mastodon.example/api/v1/accounts/7/x?max_id=40>; rel="next"'
    fake.queue(json=[ACCOUNT], headers={"Link": link})
    page = getattr(fake.api, method)(7, max_id=100, limit=40)
    suffix = method.split("_")[1]
    assert fake.calls == [("GET", f"/api/v1/accounts/7/{suffix}")]
    assert fake.last_query() == [("max_id", "100"), ("limit", "40")]
    assert isinstance(page, PaginatableList) and page._pagination_next["max_id"] == 40


def test_account_relationships_one_or_many(fake):
    fake.queue(json=[RELATIONSHIP])
    result = fake.api.account_relationships(7)
    assert fake.calls == [("GET", "/api/v1/accounts/relationships")]
    assert fake.last_query() == [("id", "7")]  # as Mastodon.py sends one id
    assert isinstance(result[0], Relationship)
    fake.api.account_relationships([7, ACCOUNT, "9"], with_suspended=True)
    assert fake.last_query() == [("id[]", "7"), ("id[]", "7"), ("id[]", "9"),
                                 ("with_suspended", "1")]


def test_account_familiar_followers(fake):
    fake.queue(json=[{"id": "7", "accounts": [ACCOUNT]}])
    result = fake.api.account_familiar_followers([7, 8])
    assert fake.calls == [("GET", "/api/v1/accounts/familiar_followers")]
    assert fake.last_query() == [] and fake.last_json() == {"id": ["7", "8"]}
    assert isinstance(result[0], FamiliarFollowers)
    assert isinstance(result[0].accounts[0], Account)


@pytest.mark.parametrize("method, suffix, entity", [
    ("account_lists", "lists", UserList),
    ("account_featured_tags", "featured_tags", Tag),
])
def test_account_sub_lists(fake, method, suffix, entity):
    fake.queue(json=[{"id": "1", "name": "x", "title": "x"}])
    result = getattr(fake.api, method)(7)
    assert fake.calls == [("GET", f"/api/v1/accounts/7/{suffix}")]
    assert isinstance(result, NonPaginatableList) and isinstance(result[0], entity)


# ---------------------------------------------------------------- acting on accounts (fake)

@pytest.mark.parametrize("method, action", [
    ("account_unfollow", "unfollow"), ("account_block", "block"),
    ("account_unblock", "unblock"), ("account_unmute", "unmute"),
    ("account_endorse", "endorse"), ("account_unendorse", "unendorse"),
    ("account_remove_from_followers", "remove_from_followers"),
])
def test_relationship_actions(fake, method, action):
    fake.queue(json=RELATIONSHIP)
    result = getattr(fake.api, method)(ACCOUNT)
    assert fake.calls == [("POST", f"/api/v1/accounts/7/{action}")]
    assert fake.last_form() == []
    assert isinstance(result, Relationship)


def test_account_follow_options(fake):
    fake.queue(json=RELATIONSHIP)
    assert isinstance(fake.api.account_follow(7), Relationship)
    assert fake.calls == [("POST", "/api/v1/accounts/7/follow")]
    assert fake.last_form() == [("reblogs", "1"), ("notify", "0")]
    fake.api.account_follow(7, reblogs=False, notify=True, languages=["en", "de"])
    assert fake.last_form() == [("reblogs", "0"), ("notify", "1"),
                                ("languages[]", "en"), ("languages[]", "de")]
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.account_follow(7, languages="en")
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.account_follow(7, notify=["yes"])


def test_account_mute_with_duration(fake):
    fake.api.account_mute(7)
    assert fake.calls == [("POST", "/api/v1/accounts/7/mute")]
    assert fake.last_form() == [("notifications", "1")]
    fake.api.account_mute(7, notifications=False, duration=3600)
    assert fake.last_form() == [("notifications", "0"), ("duration", "3600")]
    fake.api.account_mute(7, duration=timedelta(days=1))
    assert fake.last_form() == [("notifications", "1"), ("duration", "86400")]
    fake.api.account_mute(7, duration=-5)  # the range is the server's to check
    assert fake.last_form() == [("notifications", "1"), ("duration", "-5")]
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.account_mute(7, duration="long")
    assert len(fake.requests) == 4


def test_account_note_set(fake):
    fake.queue(json={**RELATIONSHIP, "note": "met at a conference"})
    result = fake.api.account_note_set(7, "met at a conference")
    assert fake.calls == [("POST", "/api/v1/accounts/7/note")]
    assert fake.last_form() == [("comment", "met at a conference")]
    assert result.note == "met at a conference"
    fake.api.account_note_set(7, "")
    assert fake.last_form() == [("comment", "")]
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.account_note_set(7, None)


@pytest.mark.parametrize("method, action, replacement", [
    ("account_pin", "pin", "account_endorse"), ("account_unpin", "unpin", "account_unendorse"),
])
def test_deprecated_pin_warns_and_still_works(fake, method, action, replacement):
    fake.queue(json=RELATIONSHIP)
    with pytest.warns(MastodonDeprecationWarning, match=replacement) as record:
        result = getattr(fake.api, method)(7)
    assert record[0].filename == __file__  # the warning points at the caller
    assert fake.calls == [("POST", f"/api/v1/accounts/7/{action}")]
    assert isinstance(result, Relationship)


def test_deprecated_follows_searches_then_follows(fake):
    fake.queue(json=[ACCOUNT])
    fake.queue(json=RELATIONSHIP)
    with pytest.warns(MastodonDeprecationWarning):
        result = fake.api.follows("bob@example.org")
    assert fake.calls == [("GET", "/api/v1/accounts/search"), ("POST", "/api/v1/accounts/7/follow")]
    assert query_of(fake.requests[0]) == [("q", "bob@example.org"), ("following", "0"),
                                          ("resolve", "0")]  # as Mastodon.py searches
    assert isinstance(result, Relationship)
    fake.queue(json=[])
    with pytest.warns(MastodonDeprecationWarning), pytest.raises(MastodonNotFoundError):
        fake.api.follows("nobody@example.org")


def test_version_checks_refuse_new_endpoints_on_old_servers():
    old = FakeMastodon(mastodon_version="4.3.0", version_check_mode="created")
    try:
        with pytest.raises(MastodonVersionError):
            old.api.account_endorse(7)
        with pytest.raises(MastodonVersionError):
            old.api.profile()
        old.api.accounts([1])
        assert old.calls == [("GET", "/api/v1/accounts")]
    finally:
        old.close()


# ---------------------------------------------------------------- own account (fake)

def test_update_credentials_plain_form(fake):
    fake.queue(json=ACCOUNT)
    result = fake.api.account_update_credentials(
        display_name="Bob", note="hi", locked=True, bot=False, discoverable=True,
        hide_collections=False, indexable=True, attribution_domains=["example.org"],
        default_privacy="unlisted", default_sensitive=True, default_language="de",
        default_quote_policy="followers", avatar_description="a cat",
        header_description="a field")
    assert fake.calls == [("PATCH", "/api/v1/accounts/update_credentials")]
    assert fake.last.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert sorted(fake.last_form()) == sorted([
        ("display_name", "Bob"), ("note", "hi"), ("locked", "1"), ("bot", "0"),
        ("discoverable", "1"), ("hide_collections", "0"), ("indexable", "1"),
        ("attribution_domains[]", "example.org"), ("source[privacy]", "unlisted"),
        ("source[sensitive]", "1"), ("source[language]", "de"),
        ("source[quote_policy]", "followers"), ("avatar_description", "a cat"),
        ("header_description", "a field")])
    assert isinstance(result, Account)


def test_update_credentials_fields(fake):
    fake.api.account_update_credentials(fields=[("Home", "https://example.org"),
                                                {"name": "Pronouns", "value": "they/them"}])
    assert fake.last_form() == [
        ("fields_attributes[0][name]", "Home"), ("fields_attributes[0][value]", "https://example.org"),
        ("fields_attributes[1][name]", "Pronouns"), ("fields_attributes[1][value]", "they/them")]
    fake.api.account_update_credentials(fields=[])
    assert fake.last_form() == [("fields_attributes[0][name]", ""), ("fields_attributes[0][value]", "")]
    fake.queue(status=422, json={"error": "Validation failed: Fields is too long"})
    with pytest.raises(MastodonAPIError):  # how many fields: the server's limit
        fake.api.account_update_credentials(fields=[("a", "b")] * 5)
    assert ("fields_attributes[4][name]", "a") in fake.last_form()
    sent = len(fake.requests)
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.account_update_credentials(fields=[("only-a-name",)])
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.account_update_credentials(fields=[("a", 1)])
    assert len(fake.requests) == sent


def test_update_credentials_rejects_bad_values_before_sending(fake):
    for kwargs in ({"default_privacy": 3}, {"locked": ["yes"]}, {"note": 5},
                   {"default_quote_policy": ["public"]}, {"avatar": 12},
                   {"avatar": "/no/such/file.png"}, {"attribution_domains": [1]}):
        with pytest.raises(MastodonIllegalArgumentError):
            fake.api.account_update_credentials(**kwargs)
    assert fake.requests == []


def test_update_credentials_avatar_from_path_file_and_bytes(fake, tmp_path):
    path = tmp_path / "me.png"
    path.write_bytes(PNG)
    fake.api.account_update_credentials(avatar=str(path), display_name="Bob")
    assert fake.last.headers["Content-Type"].startswith("multipart/form-data")
    parts = _multipart_fields(fake.last)
    assert ("display_name", None, None, b"Bob") in parts
    assert ("avatar", "me.png", "image/png", PNG) in parts

    with open(path, "rb") as handle:
        fake.api.account_update_credentials(header=handle)
    assert ("header", "me.png", "image/png", PNG) in _multipart_fields(fake.last)

    fake.api.account_update_credentials(avatar=PNG, header=io.BytesIO(PNG),
                                        header_mime_type="image/webp")
    parts = {part[0]: part for part in _multipart_fields(fake.last)}
    assert parts["avatar"][2] == "image/png" and parts["avatar"][3] == PNG
    assert parts["header"][2] == "image/webp"
    assert fake.calls[-1] == ("PATCH", "/api/v1/accounts/update_credentials")


def test_update_credentials_data_uri_passes_through(fake):
    uri = "data:image/png;base64,iVBORw0KGgo="
    fake.api.account_update_credentials(avatar=uri)
    assert fake.last_form() == [("avatar", uri)]


@pytest.mark.parametrize("method, what", [("account_delete_avatar", "avatar"),
                                          ("account_delete_header", "header")])
def test_delete_avatar_and_header(fake, method, what):
    fake.queue(json=ACCOUNT)
    assert isinstance(getattr(fake.api, method)(), Account)
    assert fake.calls == [("DELETE", f"/api/v1/profile/{what}")]


def test_email_resend_confirmation(fake):
    assert fake.api.email_resend_confirmation() is None
    assert fake.calls == [("POST", "/api/v1/emails/confirmations")]


# ---------------------------------------------------------------- signing up (fake)

@pytest.fixture
def app_fake():
    helper = FakeMastodon(access_token=None, client_id="cid", client_secret="csecret")
    yield helper
    helper.close()


def test_create_account_gets_app_token_then_signs_up(app_fake, tmp_path):
    app_fake.queue(json={"access_token": "app_tok", "scope": "read write follow push"})
    app_fake.queue(json={"access_token": "user_tok", "scope": "read write follow push",
                         "token_type": "Bearer"})
    token = app_fake.api.create_account("newbie", "hunter22hunter22", "n@example.org",
                                        agreement=True, reason="hello", locale="de",
                                        date_of_birth=datetime(2000, 1, 2, 12, 30),
                                        to_file=str(tmp_path / "user.secret"))
    assert token == "user_tok" and app_fake.api.access_token == "user_tok"
    assert app_fake.calls == [("POST", "/oauth/token"), ("POST", "/api/v1/accounts")]
    oauth, signup = app_fake.requests
    assert sorted(form_of(oauth)) == sorted([
        ("grant_type", "client_credentials"), ("client_id", "cid"),
        ("client_secret", "csecret"), ("scope", "read write follow push")])
    assert "Authorization" not in oauth.headers
    assert signup.headers["Authorization"] == "Bearer app_tok"
    assert sorted(form_of(signup)) == sorted([
        ("username", "newbie"), ("password", "hunter22hunter22"), ("email", "n@example.org"),
        ("agreement", "1"), ("reason", "hello"), ("locale", "de"),
        ("date_of_birth", "2000-01-02")])
    assert (tmp_path / "user.secret").read_text().splitlines()[0] == "user_tok"


def test_create_account_detailed_error(app_fake):
    error = {"error": "Validation failed", "details": {"username": [
        {"error": "ERR_TAKEN", "description": "is already taken"}]}}
    app_fake.queue(json={"access_token": "app_tok", "scope": "read write follow push"})
    app_fake.queue(status=422, json=error)
    token, detail = app_fake.api.create_account("bob", "pw", "b@example.org", agreement=True,
                                                return_detailed_error=True)
    assert token is None and isinstance(detail, AccountCreationError)
    assert detail.details.username[0].error == "ERR_TAKEN"
    app_fake.queue(json={"access_token": "app_tok", "scope": "read write follow push"})
    app_fake.queue(status=422, json=error)
    with pytest.raises(MastodonIllegalArgumentError, match="Validation failed"):
        app_fake.api.create_account("bob", "pw", "b@example.org", agreement=True)
    assert app_fake.api.access_token is None


def test_create_account_leaves_app_credentials_and_scopes_to_the_server(fake, app_fake):
    fake.queue(status=401, json={"error": "invalid_client"})
    with pytest.raises(MastodonIllegalArgumentError, match="invalid_client"):
        fake.api.create_account("x", "y", "z@example.org")  # a token, but no app credentials
    assert fake.calls == [("POST", "/oauth/token")]
    app_fake.queue(status=400, json={"error": "invalid_scope"})
    with pytest.raises(MastodonIllegalArgumentError, match="invalid_scope"):
        app_fake.api.create_account("x", "y", "z@example.org", scopes=["read", "root"])
    assert ("scope", "read root") in app_fake.last_form()
    with pytest.raises(MastodonIllegalArgumentError, match="scopes"):
        app_fake.api.create_account("x", "y", "z@example.org", scopes=["read", 5])
    assert len(app_fake.requests) == 1


def test_create_account_success_with_detailed_flag_gives_an_empty_error(app_fake):
    app_fake.queue(json={"access_token": "app_tok", "scope": "read"})
    app_fake.queue(json={"access_token": "user_tok", "scope": "read"})
    token, error = app_fake.api.create_account("n", "p", "e@example.org", agreement=True,
                                               scopes=["read"], return_detailed_error=True)
    assert token == "user_tok"  # and, as Mastodon.py 2.3.3 gives it, an empty error
    assert isinstance(error, AccountCreationError) and error.error is None
    assert error.details is None


def test_create_account_refuses_what_mastodon_py_refuses(app_fake):
    for birthday in ("2000-01-02", date(2000, 1, 2)):
        with pytest.raises(MastodonIllegalArgumentError, match="date_of_birth"):
            app_fake.api.create_account("n", "p", "e@example.org", date_of_birth=birthday)
    assert app_fake.requests == []
    app_fake.queue(json={"token_type": "Bearer"})  # an OAuth answer without a token
    with pytest.raises(MastodonIllegalArgumentError, match="oauth"):
        app_fake.api.create_account("n", "p", "e@example.org")
    app_fake.queue(json={"access_token": "app_tok", "scope": "read"})
    app_fake.queue(json={"access_token": "user_tok", "scope": "read"})
    app_fake.api.create_account("n", "p", "e@example.org", scopes=["read"])
    assert "agreement" not in dict(app_fake.last_form())  # False is left out


# ---------------------------------------------------------------- behaviour (mock server)

def test_mock_lookup_search_and_statuses(client):
    alice, bob = client("alice"), client("bob")
    me = alice.me()
    assert me.username == "alice" and "source" in me
    assert bob.account_lookup("alice").id == me.id
    assert [a.username for a in bob.account_search("ali")] == ["alice"]
    assert alice.account(me).acct == "alice"
    plain = alice.status_post("plain post")
    alice.status_post("tagged #cats post")
    alice.status_pin(plain)
    statuses = bob.account_statuses(me)
    assert len(statuses) == 2 and isinstance(statuses[0], Status)
    assert [s.id for s in bob.account_statuses(me, pinned=True)] == [plain.id]
    assert len(bob.account_statuses(me, tagged="cats")) == 1
    with pytest.raises(MastodonNotFoundError):
        bob.account_lookup("nobody-here")


def test_mock_followers_pagination(client, mock):
    alice = client("alice")
    me = alice.me()
    for index in range(5):
        client(mock.new_user(f"fan{index}")).account_follow(me)
    first = alice.account_followers(me, limit=2)
    assert len(first) == 2
    everyone = alice.fetch_remaining(first)
    names = {a.username for a in everyone}
    assert {"bob", "fan0", "fan4"} <= names and len(everyone) == 6
    bob = client("bob")
    assert me.id in [a.id for a in bob.account_following(bob.me())]


def test_mock_follow_options_and_relationships(client):
    alice, bob = client("alice"), client("bob")
    carol = alice.account_lookup("carol")
    bob_account = alice.account_lookup("bob")
    rel = alice.account_follow(bob_account, reblogs=False, notify=True)
    assert rel.following and rel.showing_reblogs is False  # (the mock does not store notify)
    pending = alice.account_follow(carol)
    assert pending.requested and not pending.following
    rels = alice.account_relationships([bob_account, carol])
    assert {r.id: (r.following, r.requested) for r in rels} == {
        bob_account.id: (True, False), carol.id: (False, True)}
    assert alice.account_unfollow(bob_account).following is False
    assert bob.account_relationships(alice.me())[0].following is True  # bob follows alice (seed)


def test_mock_block_mute_note_and_endorse(client):
    alice = client("alice")
    bob = alice.account_lookup("bob")
    assert alice.account_block(bob).blocking is True
    assert [a.id for a in alice.blocks()] == [bob.id]
    assert alice.account_unblock(bob).blocking is False
    muted = alice.account_mute(bob, notifications=False, duration=600)
    assert muted.muting is True and muted.muting_notifications is False
    assert [a.id for a in alice.mutes()] == [bob.id]
    assert alice.account_unmute(bob).muting is False
    assert alice.account_note_set(bob, "likes cats").note == "likes cats"
    alice.account_follow(bob)
    assert alice.account_endorse(bob).endorsed is True
    assert [a.id for a in alice.endorsements()] == [bob.id]
    assert alice.account_unendorse(bob).endorsed is False


def test_mock_remove_from_followers_and_familiar_followers(client, mock):
    alice, bob = client("alice"), client("bob")
    me = alice.me()
    erin_id = client(mock.new_user("erin")).me().id
    dave = client(mock.new_user("dave"))
    dave.account_follow(erin_id)
    alice.account_follow(dave.me())
    dave.account_follow(me)  # the mock counts your followers, Mastodon the accounts you follow
    familiar = alice.account_familiar_followers([erin_id])
    assert familiar[0].id == erin_id
    assert [a.username for a in familiar[0].accounts] == ["dave"]
    assert alice.account_remove_from_followers(bob.me()).followed_by is False
    assert me.id not in [a.id for a in bob.account_following(bob.me())]


def test_mock_accounts_lists_and_featured_tags(client):
    alice = client("alice")
    bob = alice.account_lookup("bob")
    assert {a.username for a in alice.accounts([bob, alice.me()])} == {"bob", "alice"}
    alice.account_follow(bob)
    members = alice.list_create("friends")
    alice.list_accounts_add(members, [bob])
    assert [lst.title for lst in alice.account_lists(bob)] == ["friends"]
    alice.status_post("about #python")
    alice.featured_tag_create("python")
    assert [t.name for t in client("bob").account_featured_tags(alice.me())] == ["python"]


def test_mock_update_credentials_with_avatar_and_fields(client, tmp_path):
    alice = client("alice")
    path = tmp_path / "avatar.png"
    path.write_bytes(PNG)
    updated = alice.account_update_credentials(
        display_name="Alice A.", note="hello there", avatar=str(path), header=PNG,
        header_mime_type="image/png", bot=True, fields=[("Site", "https://alice.example")],
        default_privacy="unlisted")
    assert updated.display_name == "Alice A." and updated.bot is True
    assert [(f.name, f.value) for f in updated.fields] == [("Site", "https://alice.example")]
    assert updated.source.privacy == "unlisted"
    assert updated.avatar and updated.header
    assert alice.account_delete_avatar().id == updated.id
    alice.account_delete_header()


def test_mock_create_account_and_email(mock):
    client_id, client_secret = Mastodon.create_app("signup-test", api_base_url=mock.base_url)
    api = Mastodon(client_id=client_id, client_secret=client_secret, api_base_url=mock.base_url)
    try:
        token = api.create_account("newcomer", "correct horse battery", "new@example.org",
                                   agreement=True)
        assert token and api.access_token == token
        assert api.me().username == "newcomer"
        api.email_resend_confirmation()
        result = api.create_account("newcomer", "correct horse battery", "new@example.org",
                                    agreement=True, return_detailed_error=True)
        assert result[0] is None and isinstance(result[1], AccountCreationError)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(MastodonIllegalArgumentError):
                api.create_account("newcomer", "correct horse battery", "new@example.org",
                                   agreement=True)
    finally:
        api.session.close()


def test_mock_follows_and_pin_still_work(client):
    alice = client("alice")
    with pytest.warns(MastodonDeprecationWarning):
        assert alice.follows("bob").following is True
    bob = alice.account_lookup("bob")
    with pytest.warns(MastodonDeprecationWarning):
        assert alice.account_pin(bob).endorsed is True
    with pytest.warns(MastodonDeprecationWarning):
        assert alice.account_unpin(bob).endorsed is False
