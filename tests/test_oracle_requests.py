"""Request shapes against Mastodon.py 2.3.3 (issue 24): every spec method, many arguments.

Each case calls one method under both libraries on a recording stand-in
session (``support/probes/requests_probe.py``) and compares what was sent —
method, path, query and body as data (form or JSON spelling aside) — or, when
either side refuses, that ours raises the same exception class (or a subclass
of it) before sending anything. The cases come from the spec signatures
(``support/probes/request_cases.py``) plus hand-written ones below.
"""
from __future__ import annotations

import sys
from typing import Any, Callable, Dict, List

import pytest

from support.oracle import PROBES, Oracle, run_here

if str(PROBES) not in sys.path:
    sys.path.insert(0, str(PROBES))

from request_cases import (Case, dt, entity, generated_cases, spec_rows,  # noqa: E402
                           upload)
from wire_data import differences  # noqa: E402

# Methods not run here, with the reason. Everything else in methods.tsv is run.
SKIPPED: Dict[str, str] = {
    "__init__": "the constructor: every case constructs a client",
    "fetch_next": "pagination helpers belong to utility.py (another area)",
    "fetch_previous": "pagination helpers belong to utility.py (another area)",
    "fetch_remaining": "pagination helpers belong to utility.py (another area)",
    "pagination_iterator": "pagination helpers belong to utility.py (another area)",
    "pagination_page_iterator": "pagination helpers belong to utility.py (another area)",
    "get_pagination_info": "local: sends nothing (pagination helpers, utility.py)",
    "retrieve_mastodon_version": "version probes belong to versions.py (another area)",
    "verify_minimum_version": "version probes belong to versions.py (another area)",
    "get_supported_version": "local: sends nothing (versions.py)",
    "get_approx_server_time": "reads the Date header of a HEAD request (utility.py)",
    "timeline_is_available": "a version/instance probe (utility.py, another area)",
    "stream_direct": "streaming belongs to streaming_endpoints.py (another area)",
    "stream_hashtag": "streaming belongs to streaming_endpoints.py (another area)",
    "stream_healthy": "streaming belongs to streaming_endpoints.py (another area)",
    "stream_list": "streaming belongs to streaming_endpoints.py (another area)",
    "stream_local": "streaming belongs to streaming_endpoints.py (another area)",
    "stream_open_websocket": "streaming belongs to streaming_endpoints.py (another area)",
    "stream_public": "streaming belongs to streaming_endpoints.py (another area)",
    "stream_user": "streaming belongs to streaming_endpoints.py (another area)",
    "stream_user_notifications": "streaming belongs to streaming_endpoints.py (another area)",
    "instance_nodeinfo": "instance.py (another area); fetches a URL the answer names",
    "clear_caches": "local: sends nothing",
    "decode_blurhash": "local: sends nothing",
    "filters_apply": "local: sends nothing",
    "generate_media_edit_attributes": "local: sends nothing",
    "get_async_refresh_info": "local: sends nothing",
    "get_status_length": "local: sends nothing",
    "make_poll": "local: sends nothing",
    "persistable_login_credentials": "local: sends nothing",
    "push_subscription_decrypt_push": "local: sends nothing (cryptography)",
    "push_subscription_generate_keys": "local: sends nothing (cryptography)",
    "set_language": "local: sends nothing",
    "await_async_refresh": "polls with sleeps between requests; get_async_refresh_status covers its request",
}

ME_STATUS = entity("Status", id="100", spoiler_text="", visibility="public",
                   account={"id": "1", "acct": "me", "username": "me"}, mentions=[])


def _list_answer(row: Dict[str, str]) -> Any:
    """An empty list for methods returning lists, else let the probe pick an object."""
    return [] if "List" in row["returns"] else None


def all_cases() -> List[Case]:
    """Generated cases for every run method, then the hand-written ones."""
    cases: List[Case] = []
    for row in spec_rows():
        if row["name"] in SKIPPED or row["name"] in HAND_ONLY:
            continue
        for case in generated_cases(row["name"], row["signature"]):
            answer = _list_answer(row)
            if answer is not None:
                case["default"] = answer
            cases.append(case)
    return cases + HAND_WRITTEN


HAND_ONLY: Dict[str, str] = {}
HAND_WRITTEN: List[Case] = []


def _request_differences(mine: Dict[str, Any], theirs: Dict[str, Any]) -> List[str]:
    if (mine["method"], mine["path"]) != (theirs["method"], theirs["path"]):
        return [f"sent {mine['method']} {mine['path']}, Mastodon.py {theirs['method']} {theirs['path']}"]
    return ([f"query {item}" for item in differences(mine["query"], theirs["query"])] +
            [f"body {item}" for item in differences(mine["body"], theirs["body"])])


def case_differences(mine: Dict[str, Any], theirs: Dict[str, Any]) -> List[str]:
    """How our outcome of one case differs from Mastodon.py's (empty: alike)."""
    if "raised" in theirs:
        if "raised" not in mine:
            return [f"Mastodon.py raised {theirs['raised']}: {theirs['message']}; we did not"]
        if theirs["raised"] not in mine["classes"]:
            return [f"raised {mine['raised']} ({mine['message']}), Mastodon.py {theirs['raised']}"]
    elif "raised" in mine:
        return [f"raised {mine['raised']}: {mine['message']}; Mastodon.py did not"]
    found: List[str] = []
    if len(mine["requests"]) != len(theirs["requests"]):
        found.append(f"{len(mine['requests'])} requests, Mastodon.py {len(theirs['requests'])}")
    for index, (ours, its) in enumerate(zip(mine["requests"], theirs["requests"])):
        found += [f"request {index}: {item}" for item in _request_differences(ours, its)]
    return found
