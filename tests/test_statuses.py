"""Statuses: request shapes on the fake transport, behaviour on the mock server."""
from datetime import datetime, timedelta, timezone

import pytest

from mastodon import Mastodon
from mastodon.errors import (
    MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError, MastodonVersionError,
)
from mastodon.return_types import (
    Account, Context, PreviewCard, ScheduledStatus, Status, StatusEdit, StatusSource, Translation,
)

STATUS = {"id": "11", "content": "<p>hi</p>", "visibility": "public", "spoiler_text": "",
          "account": {"id": "1", "acct": "alice", "username": "alice"}, "mentions": []}
ME = {"id": "1", "acct": "alice", "username": "alice"}


@pytest.fixture
def fake(fake_at):
    """A client that believes the server runs the newest supported version."""
    return fake_at()


# ---------------------------------------------------------------- reading (fake)

def test_status_get_shape_and_id_forms(fake):
    fake.queue(json=STATUS)
    result = fake.api.status(11)
    assert fake.calls == [("GET", "/api/v1/statuses/11")]
    assert isinstance(result, Status) and result.id == "11"
    fake.api.status({"id": "12"})
    fake.api.status("../x")
    assert fake.last.path_url == "/api/v1/statuses/..%2Fx"
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.status(None)


def test_statuses_by_ids(fake):
    fake.queue(json=[STATUS])
    result = fake.api.statuses([1, {"id": "2"}])
    assert fake.last.method == "GET" and fake.calls[-1][1] == "/api/v1/statuses"
    assert fake.last_query() == [("id[]", "1"), ("id[]", "2")]
    assert isinstance(result[0], Status)


@pytest.mark.parametrize("method, suffix, entity", [
    ("status_context", "/context", Context),
    ("status_history", "/history", StatusEdit),
    ("status_source", "/source", StatusSource),
    ("status_reblogged_by", "/reblogged_by", Account),
    ("status_favourited_by", "/favourited_by", Account),
])
def test_status_sub_resources(fake, method, suffix, entity):
    listish = entity in (StatusEdit, Account)
    fake.queue(json=[{"id": "1"}] if listish else {"id": "1"})
    result = getattr(fake.api, method)(STATUS)
    assert fake.calls == [("GET", "/api/v1/statuses/11" + suffix)]
    assert isinstance(result[0] if listish else result, entity)


def test_status_card_reads_the_status_on_new_servers(fake_at):
    new = fake_at("4.0.0")
    new.queue(json={**STATUS, "card": {"url": "https://x.example", "title": "X"}})
    card = new.api.status_card(11)
    assert new.calls == [("GET", "/api/v1/statuses/11")]
    assert isinstance(card, PreviewCard) and card.title == "X"
    old = fake_at("2.9.0")
    old.queue(json={"url": "https://x.example"})
    assert old.api.status_card(11).url == "https://x.example"
    assert old.calls == [("GET", "/api/v1/statuses/11/card")]


def test_status_translate(fake):
    fake.queue(json={"content": "hallo", "detected_source_language": "en", "provider": "X"})
    result = fake.api.status_translate(11, lang="de")
    assert fake.calls == [("POST", "/api/v1/statuses/11/translate")]
    assert fake.last_form() == [("lang", "de")]
    assert isinstance(result, Translation)
    fake.api.status_translate(11)
    assert fake.last_form() == []


def test_status_quotes_is_paginated(fake):
    fake.queue(json=[STATUS], headers={
        "Link": '<https://mastodon.example/api/v1/statuses/11/quotes?max_id=5>; rel="next"'})
    page = fake.api.status_quotes(11, max_id=20, since_id=3, limit=5)
    assert fake.calls == [("GET", "/api/v1/statuses/11/quotes")]
    assert fake.last_query() == [("max_id", "20"), ("since_id", "3"), ("limit", "5")]
    assert page._pagination_next["max_id"] == 5


# ---------------------------------------------------------------- posting (fake)

def test_status_post_form_shape(fake):
    fake.queue(json=STATUS)
    result = fake.api.status_post(
        "hello", in_reply_to_id={"id": "5"}, media_ids=[{"id": "7"}, 8], sensitive=True,
        visibility="Unlisted", spoiler_text="cw", language="en")
    assert fake.calls == [("POST", "/api/v1/statuses")]
    assert fake.last_form() == [
        ("status", "hello"), ("in_reply_to_id", "5"), ("media_ids[]", "7"), ("media_ids[]", "8"),
        ("sensitive", "1"), ("visibility", "unlisted"), ("spoiler_text", "cw"),
        ("language", "en")]
    assert isinstance(result, Status)
    assert len(fake.last.headers["Idempotency-Key"]) == 32  # made up: retrying is safe


def test_toot_posts_only_the_text(fake):
    fake.api.toot("just text")
    assert fake.calls == [("POST", "/api/v1/statuses")]
    assert fake.last_form() == [("status", "just text")]


def test_status_post_rejects_a_visibility_that_is_no_string_before_sending(fake):
    with pytest.raises(MastodonIllegalArgumentError, match="visibility"):
        fake.api.status_post("x", visibility=3)
    assert fake.requests == []


@pytest.mark.parametrize("other", ["limited", "local", "mutual", "", "list:1"])
def test_status_post_refuses_visibilities_mastodon_py_refuses(fake, other):
    with pytest.raises(ValueError, match="Invalid visibility value"):
        fake.api.status_post("x", visibility=other)
    with pytest.raises(MastodonIllegalArgumentError, match="Invalid visibility value"):
        fake.api.status_reblog(1, visibility=other)
    assert fake.requests == []


def test_status_post_visibility_in_any_case_and_pleroma_extras(fake_at):
    mainline = fake_at()
    mainline.api.status_post("x", visibility="Unlisted")
    assert ("visibility", "unlisted") in mainline.last_form()
    mainline.api.status_reblog(1, visibility="DIRECT")
    assert ("visibility", "direct") in mainline.last_form()
    pleroma = fake_at(feature_set="pleroma")
    for visibility in ("local", "list:3"):
        pleroma.api.status_post("x", visibility=visibility)
        assert ("visibility", visibility) in pleroma.last_form()


def test_status_post_idempotency_key_header(fake):
    fake.api.status_post("once", idempotency_key="abc-123")
    assert fake.last.headers["Idempotency-Key"] == "abc-123"


def test_status_post_retries_only_with_idempotency_key(fake_at):
    helper = fake_at()
    helper.queue(status=503)
    helper.queue(json=STATUS)
    helper.api.retry_policy.wait = lambda failures: None
    assert helper.api.status_post("safe", idempotency_key="k").id == "11"
    assert len(helper.requests) == 2
    assert all(r.headers["Idempotency-Key"] == "k" for r in helper.requests)


def test_status_post_scheduled_returns_scheduled_status(fake):
    fake.queue(json={"id": "99", "scheduled_at": "2030-01-01T12:00:00.000Z", "params": {}})
    when = datetime(2030, 1, 1, 13, 0, tzinfo=timezone(timedelta(hours=1)))
    result = fake.api.status_post("later", scheduled_at=when)
    assert ("scheduled_at", "2030-01-01T12:00:00+00:00") in fake.last_form()
    assert isinstance(result, ScheduledStatus) and result.scheduled_at.year == 2030
    with pytest.raises(MastodonIllegalArgumentError, match="scheduled_at"):
        fake.api.status_post("later", scheduled_at="tomorrow")


def test_status_post_with_poll_sends_json(fake):
    poll = fake.api.make_poll(["yes", "no"], expires_in=300, multiple=True)
    fake.api.status_post("vote", poll=poll, visibility="private")
    assert fake.last.headers["Content-Type"] == "application/json"
    assert fake.last_json() == {
        "status": "vote", "visibility": "private",
        "poll": {"options": ["yes", "no"], "expires_in": 300, "multiple": True,
                 "hide_totals": False}}
    with pytest.raises(MastodonIllegalArgumentError, match="poll"):
        fake.api.status_post("vote", poll={"options": ["a"]})


def test_status_post_quotes(fake_at):
    mainline = fake_at()
    mainline.api.status_post("look", quoted_status_id=STATUS, quote_approval_policy="followers")
    assert ("quoted_status_id", "11") in mainline.last_form()
    assert ("quote_approval_policy", "followers") in mainline.last_form()
    sent = len(mainline.requests)
    with pytest.raises(MastodonIllegalArgumentError, match="Invalid quote_approval_policy"):
        mainline.api.status_post("look", quote_approval_policy="friends")  # as Mastodon.py
    assert len(mainline.requests) == sent
    with pytest.raises(MastodonIllegalArgumentError, match="quote_approval_policy"):
        mainline.api.status_post("look", quote_approval_policy=1)
    with pytest.raises(MastodonIllegalArgumentError, match="fedibird"):
        mainline.api.status_post("look", quote_id=11)
    fedibird = fake_at(feature_set="fedibird")
    fedibird.api.status_post("look", quote_id=STATUS)
    assert ("quote_id", "11") in fedibird.last_form()


def test_status_post_content_type_is_sent_and_strict_refuses_it_off_pleroma(fake_at):
    mainline = fake_at()
    mainline.api.status_post("*hi*", content_type="text/markdown")
    assert ("content_type", "text/markdown") in mainline.last_form()
    sent = len(mainline.requests)
    with pytest.raises(MastodonIllegalArgumentError, match="only available with feature set"):
        mainline.api.status_post("*hi*", content_type="text/markdown", strict_content_type=True)
    assert len(mainline.requests) == sent
    pleroma = fake_at(feature_set="pleroma")
    pleroma.api.status_post("*hi*", content_type="text/markdown", strict_content_type=True)
    assert ("content_type", "text/markdown") in pleroma.last_form()


def test_status_post_rejects_bad_ids(fake):
    with pytest.raises(MastodonIllegalArgumentError, match="media_ids"):
        fake.api.status_post("x", media_ids=[{"no": "id"}])
    with pytest.raises(MastodonIllegalArgumentError, match="in_reply_to_id"):
        fake.api.status_post("x", in_reply_to_id=1.5)
    assert fake.requests == []


# ---------------------------------------------------------------- replies (fake)

def _thread_status():
    return {**STATUS, "id": "20", "visibility": "unlisted", "spoiler_text": "spoilers",
            "account": {"id": "2", "acct": "bob"},
            "mentions": [{"id": "1", "acct": "alice"}, {"id": "3", "acct": "carol@remote.example"},
                         {"id": "2", "acct": "bob"}]}


def test_status_reply_mentions_thread_except_self(fake):
    fake.queue(json=ME)
    fake.queue(json=STATUS)
    fake.api.status_reply(_thread_status(), "agreed")
    assert fake.calls == [("GET", "/api/v1/accounts/verify_credentials"),
                          ("POST", "/api/v1/statuses")]
    form = dict(fake.last_form())
    assert form["status"] == "@bob @carol@remote.example agreed"
    assert form["in_reply_to_id"] == "20"
    assert form["visibility"] == "unlisted" and form["spoiler_text"] == "spoilers"


def test_status_reply_untag_and_own_id_is_cached(fake):
    fake.queue(json=ME)
    fake.api.status_reply(_thread_status(), "only bob", untag=True, visibility="direct",
                          spoiler_text="other")
    form = dict(fake.last_form())
    assert form["status"] == "@bob only bob"
    assert form["visibility"] == "direct" and form["spoiler_text"] == "other"
    fake.api.status_reply(_thread_status(), "again")
    assert [c for c in fake.calls if c[1].endswith("verify_credentials")] == [
        ("GET", "/api/v1/accounts/verify_credentials")]


def test_status_reply_to_own_status_mentions_yourself_first_and_copies_an_empty_cw(fake):
    fake.queue(json=ME)
    own = {**STATUS, "mentions": [{"id": "3", "acct": "carol"}, {"id": "1", "acct": "alice"}]}
    fake.api.status_reply(own, "follow-up")
    form = fake.last_form()
    assert dict(form)["status"] == "@alice @carol follow-up"  # as Mastodon.py 2.3.3 does
    assert ("spoiler_text", "") in form
    fake.api.status_reply(own, "only me", untag=True)
    assert dict(fake.last_form())["status"] == "@alice only me"


def test_status_reply_mentions_each_account_once_in_order(fake):
    fake.queue(json=ME)
    thread = {**_thread_status(), "mentions": [
        {"id": "7", "acct": "dan"}, {"id": "2", "acct": "bob"}, {"id": "3", "acct": "carol"},
        {"id": "7", "acct": "dan"}]}
    fake.api.status_reply(thread, "hi")
    assert dict(fake.last_form())["status"] == "@bob @dan @carol hi"


def test_status_reply_accepts_an_id(fake):
    fake.queue(json=_thread_status())
    fake.queue(json=ME)
    fake.api.status_reply(20, "by id")
    assert fake.calls[0] == ("GET", "/api/v1/statuses/20")
    assert dict(fake.last_form())["status"].startswith("@bob ")


# ---------------------------------------------------------------- editing (fake)

def test_status_update_form_shape(fake):
    fake.queue(json=STATUS)
    result = fake.api.status_update(11, "new text", spoiler_text="cw", sensitive=False,
                                    media_ids=[{"id": "7"}], quote_approval_policy="nobody")
    assert fake.calls == [("PUT", "/api/v1/statuses/11")]
    assert fake.last_form() == [("status", "new text"), ("spoiler_text", "cw"),
                                ("media_ids[]", "7"), ("quote_approval_policy", "nobody")]
    assert isinstance(result, Status)
    fake.api.status_update(11, "marked", sensitive=True)  # sent only when True, as in status_post
    assert fake.last_form() == [("status", "marked"), ("sensitive", "1")]


def test_status_update_with_media_ids_and_attributes_merges_them(fake):
    """Upstream computed ``set + set`` here and failed with TypeError."""
    attributes = [fake.api.generate_media_edit_attributes(7, description="alt", focus=(0.5, -1)),
                  fake.api.generate_media_edit_attributes({"id": "9"}, description="nine")]
    fake.api.status_update(11, "text", media_ids=["7", "8"], media_attributes=attributes)
    assert fake.last_json() == {
        "status": "text", "media_ids": ["7", "8", "9"],
        "media_attributes": [{"id": "7", "description": "alt", "focus": "0.5,-1"},
                             {"id": "9", "description": "nine"}]}
    with pytest.raises(MastodonIllegalArgumentError, match="media_attributes"):
        fake.api.status_update(11, "text", media_attributes=["7"])


def test_status_update_with_poll_sends_json(fake):
    fake.api.status_update(11, "poll", poll=fake.api.make_poll(["a", "b"], timedelta(hours=1)))
    assert fake.last_json()["poll"] == {"options": ["a", "b"], "expires_in": 3600,
                                        "multiple": False, "hide_totals": False}


def test_generate_media_edit_attributes_is_local(fake_at, tmp_path):
    helper = fake_at("4.0.0")
    thumb = tmp_path / "t.png"
    thumb.write_bytes(b"\x89PNG\r\n\x1a\nxx")
    result = helper.api.generate_media_edit_attributes(5, thumbnail=str(thumb),
                                                       thumb_mimetype="image/png")
    assert result == {"id": "5", "thumbnail": "data:image/png;base64,iVBORw0KGgp4eA=="}
    assert helper.requests == []
    assert helper.api.generate_media_edit_attributes(5, focus=(2, 0)) == {  # the server's range
        "id": "5", "focus": "2,0"}
    with pytest.raises(MastodonIllegalArgumentError, match="focus"):
        helper.api.generate_media_edit_attributes(5, focus=(2, "0"))
    with pytest.raises(MastodonVersionError):
        fake_at("3.1.0", version_check_mode="created").api.generate_media_edit_attributes(
            5, thumbnail=b"x", thumb_mimetype="image/png")


def test_status_delete(fake):
    fake.queue(json={**STATUS, "text": "hi"})
    result = fake.api.status_delete(STATUS, delete_media=True)
    assert fake.calls == [("DELETE", "/api/v1/statuses/11")]
    assert fake.last_form() == [("delete_media", "1")]
    assert result.text == "hi"


# ---------------------------------------------------------------- actions (fake)

@pytest.mark.parametrize("method", [
    "status_reblog", "status_unreblog", "status_favourite", "status_unfavourite", "status_mute",
    "status_unmute", "status_pin", "status_unpin", "status_bookmark", "status_unbookmark"])
def test_status_actions(fake, method):
    fake.queue(json=STATUS)
    result = getattr(fake.api, method)({"id": "11"})
    action = method[len("status_"):]
    assert fake.calls == [("POST", f"/api/v1/statuses/11/{action}")]
    assert fake.last_form() == []
    assert isinstance(result, Status)


def test_status_reblog_visibility(fake):
    fake.api.status_reblog(11, visibility="PRIVATE")
    assert fake.last_form() == [("visibility", "private")]
    fake.api.status_reblog(11, visibility="direct")  # the server refuses it, not the client
    assert fake.last_form() == [("visibility", "direct")]
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.status_reblog(11, visibility=["private"])


def test_status_quote_revoke_and_policy(fake):
    fake.api.status_quote_revoke(11, {"id": "12"})
    assert fake.calls[-1] == ("POST", "/api/v1/statuses/11/quotes/12/revoke")
    fake.api.status_update_quote_approval_policy(11, "public")
    assert fake.calls[-1] == ("PUT", "/api/v1/statuses/11/interaction_policy")
    assert fake.last_form() == [("quote_approval_policy", "public")]
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.status_update_quote_approval_policy(11, None)
    assert len(fake.requests) == 2


# ---------------------------------------------------------------- scheduled (fake)

def test_scheduled_status_shapes(fake):
    fake.queue(json=[{"id": "1", "scheduled_at": "2030-01-01T00:00:00Z"}])
    page = fake.api.scheduled_statuses(limit=2, min_id=datetime(2020, 1, 1, tzinfo=timezone.utc))
    assert fake.calls[-1] == ("GET", "/api/v1/scheduled_statuses")
    assert fake.last_query() == [("min_id", str(1577836800000 << 16)), ("limit", "2")]
    assert isinstance(page[0], ScheduledStatus)
    fake.api.scheduled_status(1)
    assert fake.calls[-1] == ("GET", "/api/v1/scheduled_statuses/1")
    fake.api.scheduled_status_update({"id": "1"}, datetime(2030, 5, 1, tzinfo=timezone.utc))
    assert fake.calls[-1] == ("PUT", "/api/v1/scheduled_statuses/1")
    assert fake.last_form() == [("scheduled_at", "2030-05-01T00:00:00+00:00")]
    assert fake.api.scheduled_status_delete(1) is None
    assert fake.calls[-1] == ("DELETE", "/api/v1/scheduled_statuses/1")
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.scheduled_status_update(1, None)


# ---------------------------------------------------------------- against the mock server

def test_post_read_edit_delete(client):
    alice = client("alice")
    posted = alice.status_post("first #post", visibility="unlisted", spoiler_text="cw",
                               language="en")
    assert posted.visibility == "unlisted" and posted.spoiler_text == "cw"
    assert alice.status(posted).id == posted.id
    edited = alice.status_update(posted, "second #post", spoiler_text="cw2")
    assert "second" in edited.content and edited.spoiler_text == "cw2"
    assert [type(e) for e in alice.status_history(posted)] == [StatusEdit, StatusEdit]
    assert alice.status_source(posted).text == "second #post"
    other = alice.status_post("other")
    assert sorted(s.id for s in alice.statuses([posted, other.id])) == sorted([posted.id, other.id])
    alice.status_delete(posted)
    with pytest.raises(MastodonNotFoundError):
        alice.status(posted)


def test_reply_thread_mentions(client):
    alice, bob, carol = client("alice"), client("bob"), client("carol")
    root = alice.status_post("root")
    reply = bob.status_reply(root, "bob here")
    assert reply.in_reply_to_id == root.id
    assert [m.acct for m in reply.mentions] == ["alice"]
    second = carol.status_reply(reply, "carol here")
    assert sorted(m.acct for m in second.mentions) == ["alice", "bob"]
    third = alice.status_reply(second, "only carol", untag=True)
    assert [m.acct for m in third.mentions] == ["carol"]
    context = alice.status_context(root)
    assert [s.id for s in context.descendants] == [reply.id, second.id, third.id]
    assert context.ancestors == []


def test_idempotency_key_posts_once(client):
    alice = client("alice")
    first = alice.status_post("once only", idempotency_key="same-key")
    again = alice.status_post("once only", idempotency_key="same-key")
    assert first.id == again.id


def test_scheduled_status_lifecycle(client):
    alice = client("alice")
    when = datetime.now(timezone.utc) + timedelta(hours=2)
    scheduled = alice.status_post("later", scheduled_at=when)
    assert isinstance(scheduled, ScheduledStatus)
    assert [s.id for s in alice.scheduled_statuses()] == [scheduled.id]
    moved = alice.scheduled_status_update(scheduled, when + timedelta(hours=1))
    assert moved.scheduled_at > scheduled.scheduled_at
    assert alice.scheduled_status(scheduled).id == scheduled.id
    alice.scheduled_status_delete(scheduled)
    assert alice.scheduled_statuses() == []


def test_actions_on_a_status(client):
    alice, bob = client("alice"), client("bob")
    status = alice.status_post("act on me")
    assert bob.status_favourite(status).favourited is True
    assert bob.status_reblog(status).reblog.id == status.id
    assert bob.status_bookmark(status).bookmarked is True
    assert [a.acct for a in alice.status_favourited_by(status)] == ["bob"]
    assert [a.acct for a in alice.status_reblogged_by(status)] == ["bob"]
    assert bob.status_unfavourite(status).favourited is False
    assert bob.status_unreblog(status).reblogged is False
    assert bob.status_unbookmark(status).bookmarked is False
    assert alice.status_pin(status).pinned is True
    assert alice.status_unpin(status).pinned is False
    assert alice.status_mute(status).muted is True
    assert alice.status_unmute(status).muted is False


def test_translate_and_card_on_mock(client):
    alice = client("alice")
    status = alice.status_post("hello world")
    assert isinstance(alice.status_translate(status, lang="de"), Translation)
    assert alice.status_card(status) is None  # the mock makes no preview cards


def test_quote_policy_and_quotes_on_mock(client):
    alice = client("alice")
    status = alice.status_post("quote me", quote_approval_policy="public")
    changed = alice.status_update_quote_approval_policy(status, "nobody")
    assert changed.id == status.id
    assert alice.status_quotes(status) == []


def test_every_visibility_posts(client):
    alice = client("alice")
    for visibility in ("public", "unlisted", "private", "direct"):
        assert alice.status_post(f"@bob {visibility}", visibility=visibility).visibility == visibility


def test_unauthenticated_status_read(client, mock):
    status = client("alice").status_post("public")
    anonymous = Mastodon(api_base_url=mock.base_url)
    assert anonymous.status(status.id).id == status.id


def test_version_check_mode_guards_status_endpoints(fake_at):
    old = fake_at("3.0.0", version_check_mode="created")
    with pytest.raises(MastodonVersionError, match="3.5.0"):
        old.api.status_history(11)
    with pytest.raises(MastodonVersionError):
        old.api.status_translate(11)
    assert old.requests == []
    old.api.status(11)
    assert old.calls == [("GET", "/api/v1/statuses/11")]


def test_toot_and_quote_revoke_on_mock(client):
    alice, bob = client("alice"), client("bob")
    original = alice.toot("quotable")
    assert original.visibility == "public"
    quoting = bob.status_post("so true", quoted_status_id=original)
    revoked = alice.status_quote_revoke(original, quoting)
    assert revoked.id == quoting.id
