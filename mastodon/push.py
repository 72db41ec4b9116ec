"""Web Push: subscribing to notifications and decrypting the pushes that arrive.

The server sends each push, encrypted for this client, to ``endpoint`` (usually
a relay that forwards it). :meth:`PushMixin.push_subscription_generate_keys`
makes the key pair and auth secret; the public half goes to
:meth:`PushMixin.push_subscription_set` and the private half to
:meth:`PushMixin.push_subscription_decrypt_push`. The crypto helpers need the
``webpush`` extra (``cryptography`` and ``http_ece``).
"""
from __future__ import annotations

import base64
import binascii
import json
import os
from typing import Any, Dict, Optional, Tuple

from . import return_types as rt
from ._core import validate
from .compat import require
from .errors import MastodonIllegalArgumentError
from .internals import Internals
from .types_base import WebpushCryptoParamsPrivkey, WebpushCryptoParamsPubkey, decode
from .versions import api_version

#: Who may trigger a push: everyone, people you follow, your followers, nobody.
PUSH_POLICIES = ("all", "followed", "follower", "none")

#: ``*_events`` parameter prefix -> alert key on the wire, in signature order.
_ALERTS = {
    "follow": "follow", "favourite": "favourite", "reblog": "reblog", "mention": "mention",
    "poll": "poll", "follow_request": "follow_request", "status": "status", "update": "update",
    "admin_sign_up": "admin.sign_up", "admin_report": "admin.report", "quote": "quote",
    "quoted_update": "quoted_update",
}

_FEATURE = "Web Push encryption"


def _crypto(with_ece: bool = True) -> Tuple[Any, Any, Any]:
    """The lazily imported ``ec`` and ``serialization`` modules and ``http_ece`` (or None)."""
    require("cryptography", _FEATURE)
    if with_ece:
        require("http_ece", _FEATURE)
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    if not with_ece:
        return ec, serialization, None
    import http_ece
    return ec, serialization, http_ece


def _b64decode(name: str, text: str) -> bytes:
    """Decode URL-safe or standard base64, with or without padding."""
    cleaned = text.strip().strip('"').replace("+", "-").replace("/", "_").rstrip("=")
    try:
        return base64.b64decode(cleaned + "=" * (-len(cleaned) % 4), altchars=b"-_",
                                validate=True)
    except (binascii.Error, ValueError):
        raise MastodonIllegalArgumentError(f"{name}: not valid base64") from None


def _key_bytes(params: Any, key: str) -> bytes:
    """``params[key]`` as raw bytes (given as bytes or as base64 text)."""
    if not isinstance(params, dict) or key not in params:
        raise MastodonIllegalArgumentError(
            f"expected the key dict from push_subscription_generate_keys() with a {key!r} entry")
    value = params[key]
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, str):
        return _b64decode(key, value)
    raise MastodonIllegalArgumentError(f"{key} must be bytes or base64 text")


def _private_key(ec: Any, params: Any) -> Any:
    """The P-256 private key of a ``privkey`` entry (an int, 32 raw bytes or their base64)."""
    if not isinstance(params, dict) or "privkey" not in params:
        raise MastodonIllegalArgumentError(
            "decrypt_params must be the private-key dict (the first one) returned by "
            "push_subscription_generate_keys()")
    value = params["privkey"]
    number = value if isinstance(value, int) and not isinstance(value, bool) else \
        int.from_bytes(_key_bytes(params, "privkey"), "big")
    try:
        return ec.derive_private_key(number, ec.SECP256R1())
    except (ValueError, TypeError):
        raise MastodonIllegalArgumentError("privkey is not a valid P-256 private key") from None


def _public_key_b64(params: Any) -> str:
    """The subscription's ``p256dh`` value: the public key, URL-safe base64.

    A private-key dict is accepted as well; its public key is derived.
    """
    if isinstance(params, dict) and "pubkey" not in params and "privkey" in params:
        ec, serialization, _ = _crypto(with_ece=False)
        raw = _private_key(ec, params).public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    elif isinstance(params, dict) and isinstance(params.get("pubkey"), str):
        return str(params["pubkey"])
    else:
        raw = _key_bytes(params, "pubkey")
    return base64.urlsafe_b64encode(raw).decode("ascii")


def _auth_b64(params: Any) -> str:
    """The subscription's ``auth`` secret, URL-safe base64 (text is passed through)."""
    value = params.get("auth") if isinstance(params, dict) else None
    if isinstance(value, str):
        return value
    return base64.urlsafe_b64encode(_key_bytes(params, "auth")).decode("ascii")


def _header_value(header: Optional[str], name: str) -> Optional[str]:
    """The ``name=value`` parameter of an Encryption or Crypto-Key header, if present."""
    for entry in (header or "").replace(",", ";").split(";"):
        key, sep, value = entry.strip().partition("=")
        if sep and key.strip().lower() == name:
            return value.strip().strip('"')
    return None


def _push_data(policy: Optional[str], events: Tuple[Optional[bool], ...]) -> Dict[str, Any]:
    """The ``data[alerts][...]`` and ``data[policy]`` parameters of a subscription.

    ``events`` holds the ``*_events`` flags in the order of ``_ALERTS``.
    """
    alerts = {wire: validate.flag(f"{name}_events", value)
              for (name, wire), value in zip(_ALERTS.items(), events)}
    return {"data": {"alerts": alerts,
                     "policy": validate.one_of("policy", policy, PUSH_POLICIES)}}


class PushMixin(Internals):
    """Web Push subscriptions and the crypto to read what they deliver."""

    @api_version("2.4.0", "2.4.0")
    def push_subscription(self) -> rt.WebPushSubscription:
        """The current Web Push subscription of this app and token.

        Calls ``GET /api/v1/push/subscription``.
        """
        return self._get("/api/v1/push/subscription", entity=rt.WebPushSubscription)

    # Upstream records the last change as the malformed "4..0"; it means 4.0.0.
    @api_version("2.4.0", "4.0.0")
    def push_subscription_set(self, endpoint: str, encrypt_params: WebpushCryptoParamsPubkey,
                              follow_events: Optional[bool] = None,
                              favourite_events: Optional[bool] = None,
                              reblog_events: Optional[bool] = None,
                              mention_events: Optional[bool] = None,
                              poll_events: Optional[bool] = None,
                              follow_request_events: Optional[bool] = None,
                              status_events: Optional[bool] = None, policy: str = "all",
                              update_events: Optional[bool] = None,
                              admin_sign_up_events: Optional[bool] = None,
                              admin_report_events: Optional[bool] = None,
                              quote_events: Optional[bool] = None,
                              quoted_update_events: Optional[bool] = None,
                              standard: Optional[bool] = None) -> rt.WebPushSubscription:
        """Subscribe ``endpoint`` to pushes, replacing any previous subscription.

        ``endpoint`` is the URL the server posts each push to; one without a
        scheme gets ``https://``. ``encrypt_params`` is the public-key dict from
        :meth:`push_subscription_generate_keys`. ``policy`` says whose actions
        cause a push: ``all`` accounts, only accounts you follow
        (``followed``), only your followers (``follower``) or ``none``.
        With ``standard`` True the server sends RFC 8291 (aes128gcm) pushes
        (Mastodon 4.4+); otherwise it sends the legacy aesgcm ones.

        Each ``*_events`` flag turns one kind of notification on (True) or off;
        the server leaves off those given as None:
        ``follow_events`` (someone followed you), ``follow_request_events``
        (someone asks to follow you), ``favourite_events`` and
        ``reblog_events`` (someone favourited or boosted your status),
        ``mention_events`` (someone mentioned you), ``poll_events`` (a poll you
        voted in or made has ended), ``status_events`` (an account whose posts
        you asked to be notified of posted), ``update_events`` (a status you
        interacted with was edited), ``quote_events`` (someone quoted your
        status), ``quoted_update_events`` (a status you quoted was edited), and, for
        moderators, ``admin_sign_up_events`` (a new account signed up) and
        ``admin_report_events`` (a new report was filed).

        Calls ``POST /api/v1/push/subscription``.
        """
        if not validate.text("endpoint", endpoint, required=True).strip():
            raise MastodonIllegalArgumentError("endpoint must not be empty")
        validate.known(policy, PUSH_POLICIES, "Valid values for policy are 'all', 'none', "
                       "'follower' or 'followed'.")
        if "://" not in endpoint:
            endpoint = "https://" + endpoint
        data = _push_data(policy, (follow_events, favourite_events, reblog_events, mention_events,
                                   poll_events, follow_request_events, status_events,
                                   update_events, admin_sign_up_events, admin_report_events,
                                   quote_events, quoted_update_events))
        subscription = {"endpoint": endpoint,
                        "keys": {"p256dh": _public_key_b64(encrypt_params),
                                 "auth": _auth_b64(encrypt_params)},
                        "standard": validate.flag("standard", standard)}
        return self._post("/api/v1/push/subscription", {"subscription": subscription, **data},
                          entity=rt.WebPushSubscription)

    @api_version("2.4.0", "2.4.0")
    def push_subscription_update(self, follow_events: Optional[bool] = None,
                                 favourite_events: Optional[bool] = None,
                                 reblog_events: Optional[bool] = None,
                                 mention_events: Optional[bool] = None,
                                 poll_events: Optional[bool] = None,
                                 follow_request_events: Optional[bool] = None,
                                 status_events: Optional[bool] = None, policy: str = "all",
                                 update_events: Optional[bool] = None,
                                 admin_sign_up_events: Optional[bool] = None,
                                 admin_report_events: Optional[bool] = None,
                                 quote_events: Optional[bool] = None,
                                 quoted_update_events: Optional[bool] = None
                                 ) -> rt.WebPushSubscription:
        """Change which notifications the current subscription delivers; returns it.

        ``follow_events``, ``favourite_events``, ``reblog_events``,
        ``mention_events``, ``poll_events``, ``follow_request_events``,
        ``status_events``, ``update_events``, ``admin_sign_up_events``,
        ``admin_report_events``, ``quote_events``, ``quoted_update_events``
        and ``policy`` mean what they mean for :meth:`push_subscription_set`.
        Flags left as None are not sent, and as the server replaces the whole
        set of alerts, those kinds end up off; ``policy`` is always sent
        (``all`` unless given).

        Calls ``PUT /api/v1/push/subscription``.
        """
        data = _push_data(policy, (follow_events, favourite_events, reblog_events, mention_events,
                                   poll_events, follow_request_events, status_events,
                                   update_events, admin_sign_up_events, admin_report_events,
                                   quote_events, quoted_update_events))
        return self._put("/api/v1/push/subscription", data, entity=rt.WebPushSubscription)

    @api_version("2.4.0", "2.4.0")
    def push_subscription_delete(self) -> None:
        """Remove the current Web Push subscription.

        Calls ``DELETE /api/v1/push/subscription``.
        """
        self._delete("/api/v1/push/subscription")

    def push_subscription_generate_keys(
            self) -> Tuple[WebpushCryptoParamsPrivkey, WebpushCryptoParamsPubkey]:
        """Make a new P-256 key pair and a 16-byte auth secret for a subscription.

        Returns ``(private, public)``: ``{"privkey": int, "auth": bytes}`` to
        keep for :meth:`push_subscription_decrypt_push`, and
        ``{"pubkey": bytes, "auth": bytes}`` (uncompressed point) for
        :meth:`push_subscription_set`. Needs the ``webpush`` extra; makes no
        request.
        """
        ec, serialization, _ = _crypto(with_ece=False)
        key = ec.generate_private_key(ec.SECP256R1())
        public = key.public_key().public_bytes(serialization.Encoding.X962,
                                               serialization.PublicFormat.UncompressedPoint)
        secret = os.urandom(16)
        # Upstream's shapes: the key as an int and the point and secret as raw bytes
        # (the WebpushCryptoParams* aliases say Dict[str, str], but values are not text).
        return ({"privkey": key.private_numbers().private_value, "auth": secret},
                {"pubkey": public, "auth": secret})

    @api_version("2.4.0", "2.4.0")
    def push_subscription_decrypt_push(self, data: bytes,
                                       decrypt_params: WebpushCryptoParamsPrivkey,
                                       encryption_header: Optional[str],
                                       crypto_key_header: Optional[str]
                                       ) -> rt.PushNotification:
        """Decrypt a received push body into the notification it carries.

        ``data`` is the raw request body, ``decrypt_params`` the private-key
        dict from :meth:`push_subscription_generate_keys`.
        ``encryption_header`` and ``crypto_key_header`` are the values of the
        push request's ``Encryption`` and ``Crypto-Key`` headers. For legacy
        ``aesgcm`` pushes they carry the salt and the server's key; for RFC
        8291 ``aes128gcm`` pushes (no salt in ``encryption_header``) they may
        be None. A push that fails to decrypt or decode, e.g. because it
        was tampered with, raises MastodonIllegalArgumentError. Needs the
        ``webpush`` extra; makes no request.
        """
        ec, _, http_ece = _crypto()
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise MastodonIllegalArgumentError(
                f"data must be the raw push body as bytes, got {type(data).__name__}")
        options: Dict[str, Any] = {"private_key": _private_key(ec, decrypt_params),
                                   "auth_secret": _key_bytes(decrypt_params, "auth")}
        salt = _header_value(encryption_header, "salt")
        if salt is not None:
            dh = _header_value(crypto_key_header, "dh")
            if dh is None:
                raise MastodonIllegalArgumentError(
                    "crypto_key_header: an aesgcm push needs the dh=... value")
            options.update(salt=_b64decode("salt", salt), dh=_b64decode("dh", dh),
                           keylabel="P-256", version="aesgcm")
        else:
            options["version"] = "aes128gcm"
        try:
            plain = http_ece.decrypt(bytes(data), **options)
        # http_ece and cryptography raise assorted errors (InvalidTag, ECEException,
        # struct.error, ValueError ...) for damaged input; all mean "cannot decrypt".
        except Exception as exc:
            raise MastodonIllegalArgumentError(
                f"the push could not be decrypted (tampered with, or the wrong keys): "
                f"{type(exc).__name__}: {exc}") from exc
        try:
            payload = json.loads(plain.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise MastodonIllegalArgumentError(
                f"the decrypted push is not a JSON notification: {exc}") from exc
        if not isinstance(payload, dict):
            raise MastodonIllegalArgumentError("the decrypted push is not a JSON object")
        return decode(payload, rt.PushNotification)  # type: ignore[no-any-return]


Mastodon = PushMixin  # import path kept for compatibility: mastodon.push.Mastodon
