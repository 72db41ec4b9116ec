"""What servers that speak the Mastodon API say about themselves.

``/api/v1/instance`` and ``/api/v2/instance`` answers of Mastodon, glitch-soc,
Pleroma, Akkoma and GoToSocial, shaped after their published documentation and
the answers real servers give (trimmed to the parts clients read; hosts are
made up). Pleroma and Akkoma serve no v2 document; the Mastodon API they speak
is that of the version before ``(compatible; ...)``. GoToSocial numbers its own
releases (0.x) and says nothing about Mastodon.
"""
from __future__ import annotations

import copy
from typing import Any, Dict, Optional

ADMIN = {
    "id": "01F8MH17FWEB39HZJ76B6VXSKF", "username": "admin", "acct": "admin",
    "display_name": "", "locked": False, "discoverable": True, "bot": False,
    "created_at": "2022-05-17T13:10:59.000Z", "note": "", "url": "https://{host}/@admin",
    "avatar": "", "avatar_static": "", "header": "https://{host}/assets/default_header.png",
    "header_static": "https://{host}/assets/default_header.png", "followers_count": 1,
    "following_count": 1, "statuses_count": 4, "last_status_at": "2024-10-20",
    "emojis": [], "fields": [],
}
MEDIA_LIMITS = {
    "supported_mime_types": ["image/jpeg", "image/gif", "image/png", "image/webp", "video/mp4"],
    "image_size_limit": 10485760, "image_matrix_limit": 16777216, "video_size_limit": 41943040,
    "video_frame_rate_limit": 60, "video_matrix_limit": 16777216,
}
POLL_LIMITS = {"max_options": 4, "max_characters_per_option": 50, "min_expiration": 300,
               "max_expiration": 2629746}


def _mastodon_v1(host: str, version: str, title: str) -> Dict[str, Any]:
    return {
        "uri": host, "title": title, "short_description": "A place to toot.",
        "description": "<p>A place to toot.</p>", "email": f"admin@{host}", "version": version,
        "urls": {"streaming_api": f"wss://{host}"},
        "stats": {"user_count": 1280, "status_count": 99021, "domain_count": 8210},
        "thumbnail": f"https://{host}/packs/media/images/preview.png", "languages": ["en"],
        "registrations": True, "approval_required": False, "invites_enabled": True,
        "configuration": {
            "accounts": {"max_featured_tags": 10},
            "statuses": {"max_characters": 500, "max_media_attachments": 4,
                         "characters_reserved_per_url": 23},
            "media_attachments": MEDIA_LIMITS, "polls": POLL_LIMITS,
        },
        "contact_account": ADMIN, "rules": [{"id": "1", "text": "Be excellent."}],
    }


def _mastodon_v2(host: str, version: str, title: str, source_url: str) -> Dict[str, Any]:
    return {
        "domain": host, "title": title, "version": version, "source_url": source_url,
        "description": "A place to toot.", "usage": {"users": {"active_month": 310}},
        "thumbnail": {"url": f"https://{host}/packs/media/images/preview.png",
                      "blurhash": "UeKUpFxuo~R%0nW;WCnhF6RjaJt757oJodS$", "versions": {}},
        "languages": ["en"],
        "configuration": {
            "urls": {"streaming": f"wss://{host}", "status": None},
            "accounts": {"max_featured_tags": 10},
            "statuses": {"max_characters": 500, "max_media_attachments": 4,
                         "characters_reserved_per_url": 23},
            "media_attachments": MEDIA_LIMITS, "polls": POLL_LIMITS,
            "translation": {"enabled": False},
        },
        "registrations": {"enabled": True, "approval_required": False, "message": None},
        "contact": {"email": f"admin@{host}", "account": ADMIN},
        "rules": [{"id": "1", "text": "Be excellent."}],
    }


def _pleroma_v1(host: str, version: str, features: list, post_formats: list) -> Dict[str, Any]:
    return {
        "uri": f"https://{host}", "title": host, "short_description": "",
        "description": "A Pleroma instance, an alternative fediverse server",
        "email": f"admin@{host}", "version": version,
        "urls": {"streaming_api": f"wss://{host}"},
        "stats": {"user_count": 3, "status_count": 2410, "domain_count": 1035},
        "thumbnail": f"https://{host}/instance/thumbnail.jpeg", "languages": ["en"],
        "registrations": False, "approval_required": False, "max_toot_chars": 5000,
        "poll_limits": {"max_expiration": 31536000, "max_option_chars": 200, "max_options": 20,
                        "min_expiration": 0},
        "upload_limit": 16000000, "avatar_upload_limit": 2000000,
        "background_upload_limit": 4000000, "banner_upload_limit": 4000000,
        "background_image": f"https://{host}/images/city.jpg", "shout_limit": 5000,
        "description_limit": 5000,
        "pleroma": {
            "metadata": {
                "account_activation_required": True, "features": features,
                "federation": {"enabled": True, "exclusions": False,
                               "mrf_policies": ["ObjectAgePolicy", "TagPolicy", "HashtagPolicy"],
                               "quarantined_instances": []},
                "fields_limits": {"max_fields": 10, "max_remote_fields": 20, "name_length": 512,
                                  "value_length": 2048},
                "post_formats": post_formats, "privileged_staff": False,
            },
            "stats": {"mau": 2},
            "vapid_public_key": "BMg4q-rT3rkMzc29F7OS5uM6t-Rx4HncMIB1NXrKwNlVRfX-W1kwgOuq5p",
        },
        "rules": [],
    }


def _gotosocial_v1(host: str, version: str) -> Dict[str, Any]:
    return {
        "uri": f"https://{host}", "account_domain": host, "title": "GoToSocial Instance",
        "description": "<p>A small GoToSocial server.</p>",
        "short_description": "<p>A small GoToSocial server.</p>", "email": f"admin@{host}",
        "version": version, "languages": [], "registrations": False, "approval_required": True,
        "invites_enabled": False,
        "configuration": {
            "statuses": {"max_characters": 5000, "max_media_attachments": 6,
                         "characters_reserved_per_url": 25,
                         "supported_mime_types": ["text/plain", "text/markdown"]},
            "media_attachments": MEDIA_LIMITS, "polls": {**POLL_LIMITS, "max_options": 6},
            "accounts": {"allow_custom_css": True, "max_featured_tags": 10,
                         "max_profile_fields": 6},
            "emojis": {"emoji_size_limit": 51200},
        },
        "urls": {"streaming_api": f"wss://{host}"},
        "stats": {"domain_count": 120, "status_count": 3400, "user_count": 3},
        "thumbnail": f"https://{host}/assets/logo.png", "contact_account": ADMIN,
        "max_toot_chars": 5000, "rules": [],
    }


def _gotosocial_v2(host: str, version: str) -> Dict[str, Any]:
    return {
        "domain": host, "account_domain": host, "title": "GoToSocial Instance",
        "version": version, "source_url": "https://github.com/superseriousbusiness/gotosocial",
        "description": "<p>A small GoToSocial server.</p>",
        "usage": {"users": {"active_month": 3}},
        "thumbnail": {"url": f"https://{host}/assets/logo.png"}, "languages": [],
        "configuration": {
            "urls": {"streaming": f"wss://{host}"},
            "accounts": {"allow_custom_css": True, "max_featured_tags": 10,
                         "max_profile_fields": 6},
            "statuses": {"max_characters": 5000, "max_media_attachments": 6,
                         "characters_reserved_per_url": 25,
                         "supported_mime_types": ["text/plain", "text/markdown"]},
            "media_attachments": MEDIA_LIMITS, "polls": {**POLL_LIMITS, "max_options": 6},
            "translation": {"enabled": False}, "emojis": {"emoji_size_limit": 51200},
        },
        "registrations": {"enabled": False, "approval_required": True, "message": None},
        "contact": {"email": f"admin@{host}", "account": ADMIN}, "rules": [],
    }


PLEROMA_FEATURES = ["pleroma_api", "mastodon_api", "mastodon_api_streaming", "polls",
                    "v2_suggestions", "pleroma_explicit_addressing", "shareable_emoji_packs",
                    "multifetch", "pleroma:api/v1/notifications:include_types_filter",
                    "editing", "media_proxy", "relay", "pleroma_emoji_reactions",
                    "pleroma_chat_messages"]
AKKOMA_FEATURES = ["pleroma_api", "akkoma_api", "mastodon_api", "mastodon_api_streaming",
                   "polls", "v2_suggestions", "pleroma_explicit_addressing",
                   "shareable_emoji_packs", "multifetch", "quote_posting", "editing",
                   "bubble_timeline", "relay", "pleroma_emoji_reactions",
                   "exposable_reactions", "profile_directory", "custom_emoji_reactions"]

#: Per server software: its default version string and how to build its documents.
FLAVOURS: Dict[str, Dict[str, Any]] = {
    "mastodon": {"version": "4.2.8", "v1": lambda h, v: _mastodon_v1(h, v, "Mastodon"),
                 "v2": lambda h, v: _mastodon_v2(h, v, "Mastodon",
                                                 "https://github.com/mastodon/mastodon")},
    "glitch-soc": {"version": "4.2.8+glitch",
                   "v1": lambda h, v: _mastodon_v1(h, v, "Glitch Café"),
                   "v2": lambda h, v: _mastodon_v2(h, v, "Glitch Café",
                                                   "https://github.com/glitch-soc/mastodon")},
    "pleroma": {"version": "2.7.2 (compatible; Pleroma 2.5.0)",
                "v1": lambda h, v: _pleroma_v1(h, v, PLEROMA_FEATURES,
                                               ["text/plain", "text/html", "text/markdown",
                                                "text/bbcode"]),
                "v2": None},
    "akkoma": {"version": "2.7.2 (compatible; Akkoma 3.10.4)",
               "v1": lambda h, v: _pleroma_v1(h, v, AKKOMA_FEATURES,
                                              ["text/plain", "text/html", "text/markdown",
                                               "text/bbcode", "text/x.misskeymarkdown"]),
               "v2": None},
    "gotosocial": {"version": "0.15.0+git-15733cd", "v1": _gotosocial_v1, "v2": _gotosocial_v2},
}


def instance_document(flavour: str, kind: str, host: str,
                      version: Optional[str] = None) -> Optional[Dict[str, Any]]:
    """The ``kind`` ("v1"/"v2") instance answer of ``flavour``, or None if it has none.

    ``version`` replaces the software's default version string; the special
    value ``""`` leaves the ``version`` key out altogether.
    """
    spec = FLAVOURS[flavour]
    build = spec[kind]
    if build is None:
        return None
    document = copy.deepcopy(build(host, spec["version"] if version is None else version))
    if version == "":
        del document["version"]
    return _fill_host(document, host)


def _fill_host(value: Any, host: str) -> Any:
    if isinstance(value, str):
        return value.replace("{host}", host)
    if isinstance(value, dict):
        return {key: _fill_host(item, host) for key, item in value.items()}
    if isinstance(value, list):
        return [_fill_host(item, host) for item in value]
    return value
