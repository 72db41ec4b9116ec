"""Every entity has every field its class declares, None where the server sent nothing.

Against the mock server: the key set of each typed object the library returns
(nested objects and list items included) is the class's declared fields plus
the keys the server sent, and ``in``, ``len()``, ``keys()`` and ``json.dumps``
agree with it. Also the older attribute names (1.x) and entities built directly.
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Callable, Dict, Iterator, List, Set

import pytest

from mastodon import return_types as rt
from mastodon._types.attrdict import readers_of
from mastodon.types_base import AttribAccessDict, MaybeSnowflakeIdType, NonPaginatableList, decode


def declared_keys(cls: type) -> Set[str]:
    """The JSON keys of the fields ``cls`` declares (wire names where renamed)."""
    return set(readers_of(cls).template)


def typed_objects(value: Any) -> Iterator[AttribAccessDict]:
    """Every typed entity in ``value``, nested ones and list items included."""
    if isinstance(value, AttribAccessDict):
        if readers_of(type(value)).names:
            yield value
        for item in value.values():
            yield from typed_objects(item)
    elif isinstance(value, list):
        for item in value:
            yield from typed_objects(item)


def raw_objects(data: Any, path: str = "") -> Dict[str, List[Set[str]]]:
    """JSON path (list indices dropped) -> key sets of the raw objects found there."""
    found: Dict[str, List[Set[str]]] = {}
    if isinstance(data, dict):
        found.setdefault(path, []).append(set(data))
        for key, item in data.items():
            for sub, keysets in raw_objects(item, f"{path}.{key}").items():
                found.setdefault(sub, []).extend(keysets)
    elif isinstance(data, list):
        for item in data:
            for sub, keysets in raw_objects(item, path).items():
                found.setdefault(sub, []).extend(keysets)
    return found


@pytest.fixture
def seeded(client: Callable[..., Any]) -> Dict[str, Any]:
    """alice and bob with posts, a follow, a boost, a favourite, a poll and a list."""
    alice, bob = client("alice"), client("bob")
    bob_account = bob.account_verify_credentials()
    alice.account_follow(bob_account.id)
    post = bob.status_post("hello #fields", poll=bob.make_poll(["a", "b"], expires_in=600))
    alice.status_favourite(post.id)
    alice.status_reblog(post.id)
    alice.status_post(f"@{bob_account.acct} hi", in_reply_to_id=post.id)
    return {"alice": alice, "bob": bob, "post": post, "bob_id": bob_account.id}


def calls(seeded: Dict[str, Any]) -> List[Any]:
    alice, bob, post = seeded["alice"], seeded["bob"], seeded["post"]
    return [
        alice.account_verify_credentials(),
        alice.account(seeded["bob_id"]),
        alice.account_followers(seeded["bob_id"]),
        alice.account_relationships(seeded["bob_id"]),
        alice.timeline_home(),
        alice.timeline_public(),
        alice.status(post.id),
        alice.status_context(post.id),
        bob.notifications(),
        alice.instance(),
        alice.preferences(),
        alice.search_v2("fields"),
        alice.poll(post.poll.id),
        alice.favourites(),
    ]


def test_every_typed_object_has_every_declared_field(seeded: Dict[str, Any]) -> None:
    classes: Set[str] = set()
    for result in calls(seeded):
        for obj in typed_objects(result):
            declared = declared_keys(type(obj))
            keys = set(obj.keys())
            assert declared <= keys, (type(obj).__name__, sorted(declared - keys))
            assert len(obj) == len(keys) and all(key in obj for key in declared)
            assert set(json.loads(json.dumps(obj, default=str))) == keys
            for key in declared - keys:
                assert obj[key] is None
            classes.add(type(obj).__name__)
    # the walk met the main entity classes, nested ones included
    assert {"Account", "Status", "Notification", "Relationship", "Poll", "PollOption",
            "Context", "Preferences", "SearchV2"} - classes == set()


def test_key_sets_are_declared_fields_plus_what_the_server_sent(seeded: Dict[str, Any]) -> None:
    """The raw JSON of the same answers, compared path by path with the decoded objects."""
    alice = seeded["alice"]
    for path, entity in (("/api/v1/timelines/home", rt.Status),
                         ("/api/v1/accounts/verify_credentials", rt.Account)):
        raw = alice.session.get(alice.api_base_url + path,
                                headers={"Authorization": f"Bearer {alice.access_token}"}).json()
        decoded = decode(json.loads(json.dumps(raw)), entity if isinstance(raw, dict)
                         else NonPaginatableList[entity])
        items = raw if isinstance(raw, list) else [raw]
        objs = decoded if isinstance(decoded, list) else [decoded]
        assert items
        for item, obj in zip(items, objs):
            assert set(obj.keys()) == set(item) | declared_keys(entity)
            assert obj.account.keys() >= set(item["account"]) if "account" in item else True


def test_verify_credentials_has_every_account_field(client: Callable[..., Any]) -> None:
    me = client("alice").account_verify_credentials()
    declared = declared_keys(rt.Account)
    # as with Mastodon.py 2.3.3: the 41 declared fields and the one more the server sends
    assert len(declared) == 41 and set(me.keys()) >= declared and len(me) == 42
    assert "memorial" in me and "role" in me and "source" in me
    assert list(me.keys())[:3] == ["id", "username", "acct"]


# --------------------------------------------------------------------------- older names

def test_moved_to_account_reads_moved() -> None:
    account = decode({"id": "1", "moved": {"id": "2", "acct": "new@example"}}, rt.Account)
    assert isinstance(account.moved_to_account, rt.Account)
    assert account.moved_to_account is account.moved
    assert decode({"id": "3"}, rt.Account).moved_to_account is None
    assert "moved_to_account" not in account and "moved_to_account" not in account.keys()
    with pytest.raises(AttributeError):
        account.moved_to_account = None


def test_documented_optional_media_meta_reads_none() -> None:
    media = decode({"id": "1", "type": "image", "meta": {
        "original": {"width": 640, "height": 480, "size": "640x480", "aspect": 1.33},
        "small": {"width": 64, "height": 48}}}, rt.MediaAttachment)
    assert media.meta.fps is None and media.meta.length is None
    assert media.meta.original.width == 640
    video = decode({"id": "2", "type": "video", "meta": {"fps": 30, "length": "0:00:05.43"}},
                   rt.MediaAttachment)
    assert video.meta.fps == 30 and video.meta.length == "0:00:05.43"


def test_instance_v1_reads_domain_from_uri() -> None:
    instance = decode({"uri": "example.org", "title": "Example"}, rt.Instance)
    assert instance.domain == "example.org" and "domain" not in instance


def test_instance_v2_offers_v1_names_without_changing_its_keys(client: Callable[..., Any]) -> None:
    api = client("alice")
    instance = api.instance_v2()
    assert isinstance(instance, rt.InstanceV2)
    keys = list(instance.keys())
    text = json.dumps(instance, default=str)
    assert instance.uri == instance.domain
    assert instance.short_description == instance.description
    assert instance.email == instance.contact.email
    assert instance.contact_account is instance.contact.account
    assert instance.urls is instance.configuration.urls
    assert instance.urls.streaming_api == instance.configuration.urls.streaming
    assert instance.stats is None  # v2 reports no totals
    assert list(instance.keys()) == keys and json.dumps(instance, default=str) == text
    for name in ("uri", "short_description", "email", "contact_account", "urls", "stats"):
        assert name not in instance and name in dir(instance)
        with pytest.raises(AttributeError):
            setattr(instance, name, "x")


# --------------------------------------------------------------------------- built directly

def test_entities_built_directly_are_typed_like_decoded_ones() -> None:
    built = rt.Status(created_at="2025-01-02T03:04:05.000Z", account=rt.Account(id=1))
    decoded = decode({"created_at": "2025-01-02T03:04:05.000Z", "account": {"id": 1}}, rt.Status)
    assert isinstance(built.created_at, datetime) and built.created_at.tzinfo is not None
    assert isinstance(built.account, rt.Account) and type(built.account.id) is MaybeSnowflakeIdType
    assert dict.__getitem__(built, "created_at") == decoded.created_at  # typed at construction
    assert built == decoded and list(built) == list(decoded)
    assert set(built.keys()) == declared_keys(rt.Status)
    nested = rt.Status(account={"id": "5", "created_at": "2025-01-02"},
                       media_attachments=[{"id": "7", "type": "image"}])
    assert type(nested.account) is rt.Account and nested.account.created_at.year == 2025
    assert type(nested.media_attachments[0]) is rt.MediaAttachment
    assert rt.Status(account=rt.Account(id=1)).account.id == "1"
