"""Collections of accounts (Mastodon 4.6).

mastodon_mock only stubs these endpoints (nothing is stored; single collections
always 404), so request shapes are checked on the fake transport and the mock
is used for what its stubs do answer.
"""
import pytest

from mastodon.errors import MastodonIllegalArgumentError, MastodonNotFoundError, MastodonVersionError
from mastodon.return_types import (
    Account, CollectionItem, Collections, CollectionWithAccounts, WrappedCollection,
    WrappedCollectionItem,
)
from mastodon.types_base import EmptyResponse
from support.fake_transport import FakeMastodon

COLLECTION = {"id": "9", "account_id": "5", "uri": "https://x/c/9", "url": None, "name": "Artists",
              "description": "", "language": "en", "local": True, "sensitive": False,
              "discoverable": True, "tag": None, "created_at": "2025-01-01T00:00:00Z",
              "updated_at": "2025-01-01T00:00:00Z", "item_count": 1,
              "collection_items": [{"id": "1", "account_id": "6", "state": "accepted",
                                    "created_at": "2025-01-01T00:00:00Z"}]}


def test_account_collections_shape(fake):
    fake.queue(json={"collections": [COLLECTION]})
    result = fake.api.account_collections({"id": "5"}, limit=10, offset=20)
    assert fake.calls == [("GET", "/api/v1/accounts/5/collections")]
    assert fake.last_query() == [("limit", "10"), ("offset", "20")]
    assert isinstance(result, Collections)
    assert isinstance(result.collections[0].collection_items[0], CollectionItem)


def test_account_in_collections_shape(fake):
    fake.api.account_in_collections("5")
    assert fake.calls == [("GET", "/api/v1/accounts/5/in_collections")]
    assert fake.last_query() == []


def test_account_in_collections_defaults_to_own_account(fake):
    fake.queue(json={"id": "77", "acct": "me"})
    fake.queue(json={"collections": []})
    assert fake.api.account_in_collections(None, limit=5).collections == []
    assert fake.calls == [("GET", "/api/v1/accounts/verify_credentials"),
                          ("GET", "/api/v1/accounts/77/in_collections")]
    assert fake.last_query() == [("limit", "5")]


def test_collection_shape(fake):
    fake.queue(json={"collection": COLLECTION, "accounts": [{"id": "6", "acct": "carol"}]})
    result = fake.api.collection({"id": "9"})
    assert fake.calls == [("GET", "/api/v1/collections/9")]
    assert isinstance(result, CollectionWithAccounts) and isinstance(result.accounts[0], Account)
    assert result.collection.name == "Artists"


def test_collection_create_shape(fake):
    fake.queue(json={"collection": COLLECTION})
    result = fake.api.collection_create("Artists", description="People who draw", language="en",
                                        tag_name="art", discoverable=True,
                                        account_ids=[{"id": "6"}, 7])
    assert fake.calls == [("POST", "/api/v1/collections")]
    assert fake.last_form() == [
        ("name", "Artists"), ("description", "People who draw"), ("language", "en"),
        ("tag_name", "art"), ("sensitive", "0"), ("discoverable", "1"),
        ("account_ids[]", "6"), ("account_ids[]", "7")]
    assert isinstance(result, WrappedCollection) and result.collection.id == "9"


def test_collection_update_sends_only_what_changes(fake):
    fake.queue(json={"collection": COLLECTION})
    fake.api.collection_update("9", name="Painters", sensitive=True)
    assert fake.calls == [("PATCH", "/api/v1/collections/9")]
    assert fake.last_form() == [("name", "Painters"), ("sensitive", "1")]


def test_collection_item_calls_shape(fake):
    fake.queue(json={"collection_item": COLLECTION["collection_items"][0]})
    item = fake.api.collection_item_add("9", {"id": "6"})
    assert isinstance(item, WrappedCollectionItem) and item.collection_item.state == "accepted"
    assert fake.last_form() == [("account_id", "6")]
    assert isinstance(fake.api.collection_item_delete({"id": "9"}, {"id": "1"}), EmptyResponse)
    assert isinstance(fake.api.collection_item_revoke("9", 1), EmptyResponse)
    assert isinstance(fake.api.collection_delete("9"), EmptyResponse)
    assert fake.calls == [("POST", "/api/v1/collections/9/items"),
                          ("DELETE", "/api/v1/collections/9/items/1"),
                          ("POST", "/api/v1/collections/9/items/1/revoke"),
                          ("DELETE", "/api/v1/collections/9")]


@pytest.mark.parametrize("call", [
    lambda api: api.collection_create(None),
    lambda api: api.collection_create(b"x"),
    lambda api: api.collection_create("x", sensitive=["no"]),
    lambda api: api.collection_create("x", account_ids=[None]),
    lambda api: api.collection_update("9", discoverable={"on": 1}),
    lambda api: api.collection_item_add("9", None),
    lambda api: api.collection_item_delete("9", ""),
    lambda api: api.account_collections("5", limit="ten"),
    lambda api: api.collection(""),
])
def test_collections_validate_locally(fake, call):
    with pytest.raises(MastodonIllegalArgumentError):
        call(fake.api)
    assert fake.requests == []


def test_collection_ids_stay_one_segment(fake):
    fake.api.collection_delete("../../statuses/1")
    assert fake.calls == [("DELETE", "/api/v1/collections/..%2F..%2Fstatuses%2F1")]


def test_collections_need_4_6_with_version_checks():
    helper = FakeMastodon(mastodon_version="4.5.0", version_check_mode="created")
    try:
        with pytest.raises(MastodonVersionError):
            helper.api.collection_create("x")
        assert helper.requests == []
    finally:
        helper.close()


# ---------------------------------------------------------------- against mastodon_mock (stubs)

def test_mock_collection_stubs(client):
    alice = client("alice")
    me = alice.status_post("hello").account
    assert alice.account_collections(me).collections == []
    assert alice.account_in_collections(None).collections == []
    alice.collection_create("Friends", account_ids=[me])  # the stub stores nothing
    with pytest.raises(MastodonNotFoundError):
        alice.collection("1")
    assert isinstance(alice.collection_delete("1"), EmptyResponse)
    assert isinstance(alice.collection_item_revoke("1", "2"), EmptyResponse)
