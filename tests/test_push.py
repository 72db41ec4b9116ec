"""Web Push: subscription request shapes, key generation and decrypting real pushes.

Pushes are encrypted here with ``http_ece`` the way a Mastodon server does
(legacy ``aesgcm`` with Encryption/Crypto-Key headers, and RFC 8291
``aes128gcm``), plus the RFC 8291 appendix A test vector. mastodon_mock never
sends pushes (its server key is a dummy), so only the subscription CRUD runs
against it.
"""
import base64
import json
import os
import sys

import pytest

from support.extras import require_extra

require_extra("webpush", "http_ece", "cryptography")

import http_ece  # noqa: E402  (after the guard: the webpush extra may be missing)
from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402

from mastodon import return_types as rt
from mastodon.errors import (
    MastodonError, MastodonIllegalArgumentError, MastodonNotFoundError,
    MastodonNotImplementedError,
)
from mastodon.types_base import decode

SUB = "/api/v1/push/subscription"
NOTIFICATION = {"access_token": "tok", "preferred_locale": "en", "notification_id": 42,
                "notification_type": "mention", "icon": "https://x.example/a.png",
                "title": "Alice mentioned you", "body": "@you hi \u2728"}


def b64(raw):
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def point(key):
    return key.public_key().public_bytes(serialization.Encoding.X962,
                                         serialization.PublicFormat.UncompressedPoint)


def encrypt_like_mastodon(public, payload, version="aesgcm"):
    """Encrypt ``payload`` for a subscriber; returns (body, Encryption, Crypto-Key)."""
    server_key = ec.generate_private_key(ec.SECP256R1())
    salt = os.urandom(16)
    body = http_ece.encrypt(payload, salt=salt, private_key=server_key, dh=public["pubkey"],
                            auth_secret=public["auth"], keylabel="P-256", version=version)
    if version == "aes128gcm":
        return body, None, None
    return (body, f"salt={b64(salt)}",
            f"dh={b64(point(server_key))};p256ecdsa={b64(b'vapid-key-not-checked')}")


@pytest.fixture
def keys(fake):
    return fake.api.push_subscription_generate_keys()


# ---------------------------------------------------------------- key generation

def test_generated_keys_are_a_real_p256_pair(fake):
    private, public = fake.api.push_subscription_generate_keys()
    assert set(private) == {"privkey", "auth"} and set(public) == {"pubkey", "auth"}
    assert private["auth"] == public["auth"] and len(public["auth"]) == 16
    assert isinstance(private["privkey"], int)
    derived = ec.derive_private_key(private["privkey"], ec.SECP256R1())
    assert point(derived) == public["pubkey"]
    assert len(public["pubkey"]) == 65 and public["pubkey"][0] == 4
    again, _ = fake.api.push_subscription_generate_keys()
    assert again["privkey"] != private["privkey"] and again["auth"] != private["auth"]
    assert fake.requests == []


# ---------------------------------------------------------------- decryption

@pytest.mark.parametrize("version", ["aesgcm", "aes128gcm"])
def test_round_trip_decrypts_to_a_push_notification(fake, keys, version):
    private, public = keys
    body, encryption, crypto_key = encrypt_like_mastodon(
        public, json.dumps(NOTIFICATION).encode(), version)
    push = fake.api.push_subscription_decrypt_push(body, private, encryption, crypto_key)
    assert isinstance(push, rt.PushNotification)
    assert push.title == "Alice mentioned you" and push.body == "@you hi \u2728"
    assert push.notification_type == "mention" and push.notification_id == 42
    assert fake.requests == []


def test_headers_with_keyid_and_quotes_are_understood(fake, keys):
    private, public = keys
    body, encryption, crypto_key = encrypt_like_mastodon(public, b'{"title": "t"}')
    push = fake.api.push_subscription_decrypt_push(
        body, private, f"keyid=p256dh;{encryption}", f'keyid="p256dh";{crypto_key}, p256ecdsa=xyz')
    assert push.title == "t"


def test_base64_text_keys_are_accepted(fake, keys):
    private, public = keys
    body, encryption, crypto_key = encrypt_like_mastodon(public, b'{"title": "t"}')
    as_text = {"privkey": b64(private["privkey"].to_bytes(32, "big")), "auth": b64(private["auth"])}
    assert fake.api.push_subscription_decrypt_push(body, as_text, encryption, crypto_key).title \
        == "t"


# RFC 8291, appendix A.
RFC_UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94"
RFC_UA_PUBLIC = ("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpk"
                 "NtoIAiw4")
RFC_AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw"
RFC_AUTH = "BTBZMqHH6r4Tts7J_aSIgg"
RFC_SALT = "DGv6ra1nlYgDCS1FRnbzlw"
RFC_MESSAGE = ("DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYL"
               "ocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyou"
               "BWLVWGNWQexSgSxsj_Qulcy4a-fN")
RFC_PLAINTEXT = b"When I grow up, I want to be a watermelon"
RFC_KEYS = {"privkey": int.from_bytes(unb64(RFC_UA_PRIVATE), "big"), "auth": unb64(RFC_AUTH)}


def test_rfc8291_vector_keys_and_message():
    ua = ec.derive_private_key(RFC_KEYS["privkey"], ec.SECP256R1())
    assert b64(point(ua)) == RFC_UA_PUBLIC
    as_key = ec.derive_private_key(int.from_bytes(unb64(RFC_AS_PRIVATE), "big"), ec.SECP256R1())
    # http_ece, fed the vector's inputs, produces the vector's message byte for byte...
    assert http_ece.encrypt(RFC_PLAINTEXT, salt=unb64(RFC_SALT), private_key=as_key,
                            dh=unb64(RFC_UA_PUBLIC), auth_secret=RFC_KEYS["auth"],
                            version="aes128gcm") == unb64(RFC_MESSAGE)


def test_rfc8291_vector_decrypts(fake):
    # ... and our decryption opens it; its plaintext is not a notification, which we say.
    with pytest.raises(MastodonIllegalArgumentError, match="not a JSON notification"):
        fake.api.push_subscription_decrypt_push(unb64(RFC_MESSAGE), RFC_KEYS, None, None)
    as_key = ec.derive_private_key(int.from_bytes(unb64(RFC_AS_PRIVATE), "big"), ec.SECP256R1())
    body = http_ece.encrypt(json.dumps(NOTIFICATION).encode(), salt=unb64(RFC_SALT),
                            private_key=as_key, dh=unb64(RFC_UA_PUBLIC),
                            auth_secret=RFC_KEYS["auth"],
                            version="aes128gcm")
    push = fake.api.push_subscription_decrypt_push(body, RFC_KEYS, "", "")
    assert push.body == NOTIFICATION["body"]


@pytest.mark.parametrize("version", ["aesgcm", "aes128gcm"])
@pytest.mark.parametrize("position", [0, -1, -20])
def test_tampered_push_raises_a_clear_error(fake, keys, version, position):
    private, public = keys
    body, encryption, crypto_key = encrypt_like_mastodon(public, b'{"title": "t"}', version)
    damaged = bytearray(body)
    damaged[position] ^= 0x01
    with pytest.raises(MastodonError, match="could not be decrypted"):
        fake.api.push_subscription_decrypt_push(bytes(damaged), private, encryption, crypto_key)


def test_wrong_secret_or_key_raises_a_clear_error(fake, keys):
    private, public = keys
    body, encryption, crypto_key = encrypt_like_mastodon(public, b'{"title": "t"}')
    wrong_auth = {**private, "auth": os.urandom(16)}
    with pytest.raises(MastodonIllegalArgumentError, match="could not be decrypted"):
        fake.api.push_subscription_decrypt_push(body, wrong_auth, encryption, crypto_key)
    other, _ = fake.api.push_subscription_generate_keys()
    with pytest.raises(MastodonIllegalArgumentError, match="could not be decrypted"):
        fake.api.push_subscription_decrypt_push(body, {**other, "auth": private["auth"]},
                                                encryption, crypto_key)


@pytest.mark.parametrize("args, match", [
    (("not bytes", "P", "salt=AAAA", "dh=AAAA"), "bytes"),
    ((b"x", {"pubkey": b"x", "auth": b"y"}, "salt=AAAA", "dh=AAAA"), "private-key dict"),
    ((b"x", {"privkey": 5}, "salt=AAAA", "dh=AAAA"), "auth"),
    ((b"x", {"privkey": 0, "auth": b"y" * 16}, "salt=AAAA", "dh=AAAA"), "privkey"),
    ((b"x", "P", "salt=AAAA", None), "dh"),
    ((b"x", "P", "salt=!!!", "dh=AAAA"), "base64"),
])
def test_bad_decrypt_arguments(fake, keys, args, match):
    data, params, encryption, crypto_key = args
    params = keys[0] if params == "P" else params
    with pytest.raises(MastodonIllegalArgumentError, match=match):
        fake.api.push_subscription_decrypt_push(data, params, encryption, crypto_key)


# ---------------------------------------------------------------- missing extras

@pytest.mark.parametrize("module", ["cryptography", "http_ece"])
def test_missing_webpush_extra_names_it(fake, monkeypatch, keys, module):
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MastodonNotImplementedError, match=r"mastodon-ng\[webpush\]"):
        fake.api.push_subscription_decrypt_push(b"x", keys[0], "salt=AAAA", "dh=AAAA")
    if module == "cryptography":
        with pytest.raises(NotImplementedError, match="webpush"):
            fake.api.push_subscription_generate_keys()
    else:  # key generation needs only cryptography
        assert fake.api.push_subscription_generate_keys()


# ---------------------------------------------------------------- subscription requests

def test_set_request_shape(fake, keys):
    _, public = keys
    fake.queue(json={"id": "1", "endpoint": "https://relay.example/p", "alerts": {"follow": True},
                     "policy": "followed", "server_key": "BAAA"})
    sub = fake.api.push_subscription_set("relay.example/p", public, follow_events=True,
                                         mention_events=False, admin_sign_up_events=True,
                                         quoted_update_events=False, policy="followed")
    assert isinstance(sub, rt.WebPushSubscription) and sub.alerts.follow is True
    assert fake.calls == [("POST", SUB)]
    assert fake.last_form() == [
        ("subscription[endpoint]", "https://relay.example/p"),
        ("subscription[keys][p256dh]", base64.urlsafe_b64encode(public["pubkey"]).decode()),
        ("subscription[keys][auth]", base64.urlsafe_b64encode(public["auth"]).decode()),
        ("data[alerts][follow]", "1"), ("data[alerts][mention]", "0"),
        ("data[alerts][admin.sign_up]", "1"), ("data[alerts][quoted_update]", "0"),
        ("data[policy]", "followed")]


def test_set_sends_every_alert_and_standard(fake, keys):
    _, public = keys
    fake.api.push_subscription_set("https://relay.example/p", public, True, True, True, True,
                                   True, True, True, "all", True, True, True, True, True,
                                   standard=True)
    form = fake.last_form()
    alerts = [key[len("data[alerts]["):-1] for key, value in form
              if key.startswith("data[alerts]") and value == "1"]
    assert alerts == ["follow", "favourite", "reblog", "mention", "poll", "follow_request",
                      "status", "update", "admin.sign_up", "admin.report", "quote",
                      "quoted_update"]
    assert ("subscription[standard]", "1") in form and ("data[policy]", "all") in form


def test_set_accepts_text_keys_and_a_private_key_dict(fake, keys):
    private, public = keys
    fake.api.push_subscription_set("https://r.example", {"pubkey": "PUB", "auth": "AUTH"})
    assert fake.last_form()[1:3] == [("subscription[keys][p256dh]", "PUB"),
                                     ("subscription[keys][auth]", "AUTH")]
    fake.api.push_subscription_set("https://r.example", private)
    assert dict(fake.last_form())["subscription[keys][p256dh]"] == \
        base64.urlsafe_b64encode(public["pubkey"]).decode()


@pytest.mark.parametrize("call, match", [
    (lambda m, k: m.push_subscription_set("https://r.example", k, policy=5), "policy"),
    (lambda m, k: m.push_subscription_set("https://r.example", k, follow_events=["yes"]),
     "follow_events"),
    (lambda m, k: m.push_subscription_set(None, k), "endpoint"),
    (lambda m, k: m.push_subscription_set("https://r.example", {"auth": b"x"}), "pubkey"),
    (lambda m, k: m.push_subscription_set("https://r.example", "key"), "pubkey"),
    (lambda m, k: m.push_subscription_update(policy=["all"]), "policy"),
    (lambda m, k: m.push_subscription_update(quote_events={}), "quote_events"),
])
def test_bad_subscription_arguments_fail_before_sending(fake, keys, call, match):
    with pytest.raises(MastodonIllegalArgumentError, match=match):
        call(fake.api, keys[1])
    assert fake.requests == []


def test_update_get_delete_shapes(fake):
    fake.queue(json={"id": "1", "alerts": {"poll": True}, "policy": "none"})
    sub = fake.api.push_subscription_update(poll_events=True, status_events=False,
                                            admin_report_events=True, policy="none")
    assert sub.alerts.poll is True
    assert fake.calls[-1] == ("PUT", SUB)
    assert fake.last_form() == [("data[alerts][poll]", "1"), ("data[alerts][status]", "0"),
                                ("data[alerts][admin.report]", "1"), ("data[policy]", "none")]
    fake.api.push_subscription_update()
    assert fake.last_form() == [("data[policy]", "all")]
    fake.queue(json={"id": "1"})
    assert isinstance(fake.api.push_subscription(), rt.WebPushSubscription)
    assert fake.calls[-1] == ("GET", SUB) and fake.last_query() == []
    assert fake.api.push_subscription_delete() is None
    assert fake.calls[-1] == ("DELETE", SUB)


# ---------------------------------------------------------------- behaviour on mastodon_mock

def test_mock_subscription_lifecycle(client):
    api = client("alice")
    with pytest.raises(MastodonNotFoundError):
        api.push_subscription()
    private, public = api.push_subscription_generate_keys()
    sub = api.push_subscription_set("relay.example/alice", public, follow_events=True,
                                    mention_events=False, admin_sign_up_events=True)
    assert sub.endpoint == "https://relay.example/alice"
    # Mastodon names the admin alerts "admin.sign_up" / "admin.report" on the wire.
    assert (sub.alerts.follow, sub.alerts.mention, sub.alerts["admin.sign_up"]) \
        == (True, False, True)
    # ... and the typed attributes read those keys
    assert (sub.alerts.admin_sign_up, sub.alerts["admin_sign_up"]) == (True, True)
    assert sub.alerts.admin_report in (False, None)
    assert api.push_subscription().id == sub.id
    # (mastodon_mock reads the policy from a top-level "policy" field instead of
    # Mastodon's data[policy], so the policy is checked on the fake transport only.)
    updated = api.push_subscription_update(favourite_events=True, follow_events=False)
    assert (updated.alerts.favourite, updated.alerts.follow) == (True, False)
    assert api.push_subscription_delete() is None
    with pytest.raises(MastodonNotFoundError):
        api.push_subscription()
    # A second client has its own subscription.
    assert isinstance(client("bob").push_subscription_set("https://relay.example/b", public),
                      rt.WebPushSubscription)


def test_admin_alerts_read_their_dotted_json_keys():
    alerts = decode({"follow": True, "admin.sign_up": True, "admin.report": False},
                    rt.WebPushSubscriptionAlerts)
    assert (alerts.follow, alerts.admin_sign_up, alerts.admin_report) == (True, True, False)
    # every declared field is a key, as in Mastodon.py; the dotted server keys stay too
    assert alerts["admin_report"] is False and alerts["admin.report"] is False


def test_an_empty_endpoint_is_refused(fake, keys):
    with pytest.raises(MastodonIllegalArgumentError, match="endpoint"):
        fake.api.push_subscription_set(" ", keys[1])
    assert fake.requests == []
