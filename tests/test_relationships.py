"""Blocks, mutes, follow requests, domain blocks and endorsements: request shapes on
the fake transport, behaviour on the mock server."""
import pytest

from mastodon.errors import MastodonIllegalArgumentError
from mastodon.return_types import Account, Relationship
from mastodon.types_base import NonPaginatableList, PaginatableList

ACCOUNT = {"id": "7", "username": "bob", "acct": "bob"}


@pytest.mark.parametrize("method, path", [
    ("blocks", "/api/v1/blocks"), ("mutes", "/api/v1/mutes"),
    ("follow_requests", "/api/v1/follow_requests"),
])
def test_account_pages(fake, method, path):
    link = f'<https://mastodon.example{path}?max_id=5>; rel="next"'
    fake.queue(json=[ACCOUNT], headers={"Link": link})
    page = getattr(fake.api, method)()
    assert fake.calls == [("GET", path)] and fake.last_query() == []
    assert isinstance(page, PaginatableList) and isinstance(page[0], Account)
    assert page._pagination_next["max_id"] == 5
    getattr(fake.api, method)(max_id=ACCOUNT, min_id=1, since_id=2, limit=3)
    assert fake.last_query() == [("max_id", "7"), ("min_id", "1"), ("since_id", "2"),
                                 ("limit", "3")]


@pytest.mark.parametrize("method, verdict", [("follow_request_authorize", "authorize"),
                                             ("follow_request_reject", "reject")])
def test_follow_request_verdicts(fake, method, verdict):
    fake.queue(json={"id": "7", "followed_by": verdict == "authorize"})
    result = getattr(fake.api, method)(ACCOUNT)
    assert fake.calls == [("POST", f"/api/v1/follow_requests/7/{verdict}")]
    assert isinstance(result, Relationship)


def test_domain_blocks(fake):
    fake.queue(json=["spam.example", "worse.example"])
    blocked = fake.api.domain_blocks(limit=2)
    assert fake.calls == [("GET", "/api/v1/domain_blocks")] and fake.last_query() == [("limit", "2")]
    assert isinstance(blocked, PaginatableList) and list(blocked) == ["spam.example", "worse.example"]
    assert fake.api.domain_block("spam.example") is None
    assert fake.calls[-1] == ("POST", "/api/v1/domain_blocks")
    assert fake.last_form() == [("domain", "spam.example")]
    assert fake.api.domain_unblock("spam.example") is None
    assert fake.calls[-1] == ("DELETE", "/api/v1/domain_blocks")
    assert fake.last_form() == [("domain", "spam.example")]
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.domain_block(None)
    assert len(fake.requests) == 3


def test_endorsements(fake):
    fake.queue(json=[ACCOUNT])
    result = fake.api.endorsements()
    assert fake.calls == [("GET", "/api/v1/endorsements")]
    assert isinstance(result, NonPaginatableList) and isinstance(result[0], Account)


# ---------------------------------------------------------------- behaviour (mock server)

def test_mock_follow_requests_to_a_locked_account(client, mock):
    carol, alice, bob = client("carol"), client("alice"), client("bob")
    carol_id = alice.account_lookup("carol").id
    alice.account_follow(carol_id)
    bob.account_follow(carol_id)
    waiting = carol.follow_requests()
    assert {a.username for a in waiting} == {"alice", "bob"}
    by_name = {a.username: a for a in waiting}
    assert carol.follow_request_authorize(by_name["alice"]).followed_by is True
    rejected = carol.follow_request_reject(by_name["bob"])
    assert rejected.followed_by is False
    assert carol.follow_requests() == []
    assert alice.account_relationships(carol_id)[0].following is True
    assert bob.account_relationships(carol_id)[0].requested is False


def test_mock_blocks_and_mutes(client, mock):
    # The mock answers these lists in one piece (no limit, no Link header);
    # the paging request shape is covered by test_account_pages.
    alice = client("alice")
    ids = [client(mock.new_user(f"noisy{i}")).me().id for i in range(3)]
    for account_id in ids:
        alice.account_block(account_id)
        alice.account_mute(account_id, duration=60)
    assert {a.id for a in alice.fetch_remaining(alice.blocks())} == set(ids)
    assert {a.id for a in alice.mutes()} == set(ids)
    alice.account_unblock(ids[0])
    assert {a.id for a in alice.blocks()} == set(ids[1:])


def test_mock_domain_blocks(client):
    alice = client("alice")
    alice.domain_block("spam.example")
    alice.domain_block("worse.example")
    assert sorted(alice.domain_blocks()) == ["spam.example", "worse.example"]
    alice.domain_unblock("spam.example")
    assert list(alice.domain_blocks()) == ["worse.example"]
