"""Argument combinations for every method of the spec (``tests/spec/methods.tsv``).

Used by ``tests/test_oracle_requests.py``: :func:`generated_cases` derives cases
from a method's signature (the required parameters with typical values, ids as
str, int and entity objects, every optional parameter once with a typical
value); the hand-written cases there add what a signature cannot tell (bad
values, answers a method reads). Standard library only, like the probes.
"""
import ast
import csv
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

SPEC = Path(__file__).resolve().parents[2] / "spec" / "methods.tsv"

Case = Dict[str, Any]


def dt(text: str) -> Dict[str, str]:
    """A datetime argument."""
    return {"$datetime": text}


def entity(kind: str, **fields: Any) -> Dict[str, Any]:
    """An entity argument (an object of mastodon.return_types)."""
    return {"$entity": kind, "value": fields}


def upload(text: str = "GIF89a-bytes", name: Optional[str] = None) -> Dict[str, Any]:
    """A file-object argument."""
    return {"$file": text, **({"name": name} if name else {})}


ID_NAMES = {"id", "account_id", "filter_id", "keyword_id", "status_id", "filter_status_id",
            "collection_id", "item_id", "quoting_status_id", "report_id", "warning_preset_id",
            "target_account_id", "invited_by", "in_reply_to_id", "quote_id", "quoted_status_id"}
PAGE_NAMES = {"max_id", "min_id", "since_id"}
# booleans whose default is None (the others show theirs in the signature)
FLAG_NAMES = {"with_suspended", "locked", "bot", "discoverable", "hide_collections", "indexable",
              "default_sensitive", "reject_media", "reject_reports", "obfuscate", "unresolved",
              "sensitive", "local", "irreversible", "whole_word", "include_filtered",
              "mentions_only", "delete_media", "standard", "show_media", "show_media_replies",
              "show_featured"}
# booleans as ints and strings: both libraries must accept them (what each sends differs:
# Mastodon.py passes "False" on as it is but treats it as true where it decides)
FLAG_SPELLINGS = ["true", "False", 1, 0]

# a typical value per parameter name, for required and optional parameters alike
TYPICAL: Dict[str, Any] = {
    "ids": ["11", "12"], "account_ids": ["21", "22"], "status_ids": ["31"], "rule_ids": ["1"],
    "role_ids": ["3"], "media_ids": ["41"], "collection_ids": ["51"],
    "q": "cats", "acct": "bob@example.org", "title": "Friends", "phrase": "spoilers",
    "name": "Collection", "domain": "bad.example", "email": "user@example.org",
    "status": "Hello world", "comment": "a note", "keyword": "spoiler", "reaction": "👍",
    "hashtag": "cats", "tag": "cats", "uri": "bob@example.org", "url": "https://news.example/a",
    "ip": "192.0.2.0/24", "severity": "no_access", "start_at": dt("2025-01-01T00:00:00+00:00"),
    "end_at": dt("2025-02-01T00:00:00+01:00"), "year": 2024, "context": ["home", "public"],
    "filter_action": "warn", "choices": [0, 2], "timelines": ["home"], "last_read_ids": ["55"],
    "scheduled_at": dt("2030-05-01T12:00:00+02:00"), "endpoint": "https://push.example/ep",
    "encrypt_params": {"pubkey": {"$bytes": "public-key"}, "auth": {"$bytes": "auth-secret"}},
    "quote_approval_policy": "followers", "group_key": "favourite-123-456",
    "username": "newuser", "password": "hunter22!", "display_name": "Display",
    "note": "About me", "limit": 5, "offset": 10, "visibility": "unlisted", "spoiler_text": "cw",
    "language": "de", "description": "alt text", "lang": "fr", "expires_in": 3600,
    "duration": 600, "types": ["mention", "follow"], "exclude_types": ["favourite"],
    "grouped_types": ["favourite"], "supported_types": ["mention"], "order": "new",
    "result_type": "accounts", "origin": "local", "permissions": "staff", "action": "silence",
    "text": "be nice", "category": "spam", "forward_to_domains": ["remote.example"],
    "private_comment": "private", "public_comment": "public", "by_domain": "example.org",
    "content_type": "text/markdown", "idempotency_key": "key-1", "frequency": "week",
    "focus": {"$tuple": [0.5, -0.25]}, "mime_type": "image/gif", "file_name": "cat.gif",
    "tag_name": "cats", "reason": "please", "locale": "de", "policy": "followed",
    "for_not_following": "filter", "for_not_followers": "drop", "for_new_accounts": "accept",
    "for_private_mentions": "filter", "for_limited_accounts": "drop",
    "fields": [["Site", "https://me.example"], ["Pronouns", "they"]],
    "attribution_domains": ["me.example"], "default_privacy": "private",
    "default_language": "en", "default_quote_policy": "nobody", "tagged": "cats",
    "canonical_email_hash": "abc123", "date_of_birth": "2000-01-31", "expand_accounts": "full",
    "tag_servers": "12", "tag_languages": "12", "instance_accounts": "remote.example",
    "instance_languages": "remote.example", "tag_accounts": "12", "tag_uses": "12",
    "instance_media_attachments": "remote.example", "instance_reports": "remote.example",
    "instance_statuses": "remote.example", "instance_follows": "remote.example",
    "instance_followers": "remote.example", "keywords_attributes": [{"keyword": "a"}],
    "media_attributes": [{"id": "41", "description": "d"}],
    "poll": {"options": ["yes", "no"], "expires_in": 600, "multiple": True,
             "hide_totals": False},
    "avatar_description": "avatar alt", "header_description": "header alt",
    "scopes": ["read", "write"], "thumbnail_mime_type": "image/png",
    "header_mime_type": "image/png", "avatar_mime_type": "image/png",
    "date": "2025-01-01",
    "to_status": entity("Status", id="20", visibility="private", spoiler_text="",
                        account={"id": "2", "acct": "bob"},
                        mentions=[{"id": "1", "acct": "me"}, {"id": "3", "acct": "carol"}]),
}

# bad values a server could never accept, or that Mastodon.py refuses locally
BAD: Dict[str, List[Any]] = {
    "visibility": ["bogus"], "result_type": ["everything"], "origin": ["galaxy"],
    "permissions": ["root"], "status": ["sleeping"], "frequency": ["hourly"],
    "filter_action": ["explode"], "policy": ["several"], "action": ["obliterate"],
}


def spec_rows() -> List[Dict[str, str]]:
    """The rows of methods.tsv."""
    with open(SPEC, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def parameters(signature: str) -> List[Tuple[str, bool, Any]]:
    """``(name, required, default)`` of each parameter of a spec signature, without ``self``."""
    tree = ast.parse(f"def f{signature}: pass")
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    args = function.args.args
    defaults = function.args.defaults
    first_default = len(args) - len(defaults)
    found = []
    for index, arg in enumerate(args):
        if arg.arg == "self":
            continue
        if index < first_default:
            found.append((arg.arg, True, None))
        else:
            found.append((arg.arg, False, ast.literal_eval(defaults[index - first_default])))
    return found


def typical(name: str, default: Any) -> Any:
    """A typical value for a parameter of that name (and default)."""
    if name in TYPICAL:
        return TYPICAL[name]
    if name in ID_NAMES:
        return "123"
    if name in PAGE_NAMES:
        return "109"
    if isinstance(default, bool):
        return not default
    if name.endswith("_events") or name in FLAG_NAMES:
        return True
    return "x"


def _id_variants(name: str) -> Iterator[Any]:
    """The same id as str, int, an entity object and a plain dict."""
    yield "123"
    yield 123
    kind = "Status" if "status" in name else "Account"
    yield entity(kind, id="123")
    yield {"id": "123"}


def generated_cases(name: str, signature: str) -> Iterator[Case]:
    """Cases for one method from its signature alone."""
    params = parameters(signature)
    required = {p: typical(p, None) for p, needed, _ in params if needed}
    yield {"method": name, "kwargs": dict(required)}
    for param, needed, _ in params:
        if needed and param in ID_NAMES:
            for variant in list(_id_variants(param))[1:]:
                yield {"method": name, "kwargs": {**required, param: variant}}
    for param, needed, default in params:
        if not needed:
            yield {"method": name, "kwargs": {**required, param: typical(param, default)}}
            if param in PAGE_NAMES:
                for bound in (entity("Status", id="109"), dt("2025-03-01T12:00:00+01:00")):
                    yield {"method": name, "kwargs": {**required, param: bound}}
            if param in ID_NAMES:
                yield {"method": name, "kwargs": {**required, param: entity("Account", id="77")}}
        if param.endswith("_ids") or param == "ids":
            objects = [entity("Account", id="5"), {"id": 6}, 7]
            yield {"method": name, "kwargs": {**required, param: objects}}
        usual = typical(param, default)
        odd: List[Any] = []
        if isinstance(usual, bool):
            odd = list(FLAG_SPELLINGS)
        elif param in ("limit", "offset"):
            odd = ["7"]
        elif isinstance(usual, str) and param not in ID_NAMES | PAGE_NAMES:
            odd = ["zzz-unknown"]
        elif isinstance(usual, list) and usual and isinstance(usual[0], str):
            odd = [["zzz-unknown"]]
        for bad in BAD.get(param, []) + odd:
            case: Case = {"method": name, "kwargs": {**required, param: bad}}
            if isinstance(usual, bool):
                case["accept_only"] = True
            yield case
