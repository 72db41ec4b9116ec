"""Lists: request shapes on the fake transport, behaviour on the mock server."""
import pytest

from mastodon.errors import MastodonIllegalArgumentError, MastodonNotFoundError
from mastodon.return_types import Account, UserList
from mastodon.types_base import NonPaginatableList, PaginatableList

LIST = {"id": "3", "title": "friends", "replies_policy": "list", "exclusive": False}


def test_lists_and_list(fake):
    fake.queue(json=[LIST])
    fake.queue(json=LIST)
    everything = fake.api.lists()
    one = fake.api.list(LIST)
    assert fake.calls == [("GET", "/api/v1/lists"), ("GET", "/api/v1/lists/3")]
    assert isinstance(everything, NonPaginatableList) and isinstance(everything[0], UserList)
    assert isinstance(one, UserList) and one.replies_policy == "list"


def test_list_create_and_update(fake):
    fake.queue(json=LIST)
    assert isinstance(fake.api.list_create("friends"), UserList)
    assert fake.calls == [("POST", "/api/v1/lists")]
    assert fake.last_form() == [("title", "friends"), ("replies_policy", "list"),
                                ("exclusive", "0")]
    fake.api.list_create("news", replies_policy="none", exclusive=True)
    assert fake.last_form() == [("title", "news"), ("replies_policy", "none"),
                                ("exclusive", "1")]
    fake.api.list_update(3, "pals", replies_policy="followed")
    assert fake.calls[-1] == ("PUT", "/api/v1/lists/3")
    assert fake.last_form() == [("title", "pals"), ("replies_policy", "followed"),
                                ("exclusive", "0")]
    for bad in ({"replies_policy": 1}, {"exclusive": ["yes"]}, {"title": None}):
        with pytest.raises(MastodonIllegalArgumentError):
            fake.api.list_create(**{"title": "x", **bad})
    assert len(fake.requests) == 3


def test_list_delete(fake):
    assert fake.api.list_delete(3) is None
    assert fake.calls == [("DELETE", "/api/v1/lists/3")]


def test_list_members(fake):
    link = '<https://mastodon.example/api/v1/lists/3/accounts?max_id=9>; rel="next"'
    fake.queue(json=[{"id": "9", "acct": "bob"}], headers={"Link": link})
    page = fake.api.list_accounts(3, limit=0)
    assert fake.calls == [("GET", "/api/v1/lists/3/accounts")]
    assert fake.last_query() == [("limit", "0")]
    assert isinstance(page, PaginatableList) and isinstance(page[0], Account)
    assert fake.api.list_accounts_add(LIST, [9, {"id": "10"}]) is None
    assert fake.calls[-1] == ("POST", "/api/v1/lists/3/accounts")
    assert fake.last_form() == [("account_ids[]", "9"), ("account_ids[]", "10")]
    fake.api.list_accounts_delete(3, 9)
    assert fake.calls[-1] == ("DELETE", "/api/v1/lists/3/accounts")
    assert fake.last_form() == [("account_ids[]", "9")]


# ---------------------------------------------------------------- behaviour (mock server)

def test_mock_list_lifecycle(client):
    alice = client("alice")
    bob = alice.account_lookup("bob")
    alice.account_follow(bob)
    created = alice.list_create("friends", replies_policy="followed", exclusive=True)
    assert created.title == "friends" and created.replies_policy == "followed"
    assert created.exclusive is True
    assert [lst.id for lst in alice.lists()] == [created.id]
    changed = alice.list_update(created, "pals", replies_policy="none")
    assert (changed.title, changed.replies_policy, changed.exclusive) == ("pals", "none", False)
    alice.list_accounts_add(created, bob)
    assert [a.id for a in alice.list_accounts(created)] == [bob.id]
    alice.list_accounts_delete(created, [bob])
    assert alice.list_accounts(created) == []
    alice.list_delete(created)
    with pytest.raises(MastodonNotFoundError):
        alice.list(created)
