"""Request shapes against Mastodon.py 2.3.3 (issue 24): every spec method, many arguments.

Each case calls one method under both libraries on a recording stand-in
session (``support/probes/requests_probe.py``) and compares what was sent —
method, path, query and body as data (form or JSON spelling aside) — or, when
either side refuses, that ours raises the same exception class (or a subclass
of it) before sending anything. The cases come from the spec signatures
(``support/probes/request_cases.py``) plus hand-written ones below.
"""
from __future__ import annotations

import json
import sys
import warnings
from typing import Any, Callable, Dict, List, Set, Tuple

import pytest

from mastodon.errors import MastodonDeprecationWarning
from support.oracle import PROBES, Oracle, run_here

if str(PROBES) not in sys.path:
    sys.path.insert(0, str(PROBES))

from request_cases import (ID_NAMES, Case, dt, entity, generated_cases,  # noqa: E402
                           parameters, spec_rows, typical, upload)
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
    "log_in": "OAuth flow of authentication.py (another area): Mastodon.py puts its whole "
              "oauth_info dict into the token request and redirect_uri into every grant",
    "await_async_refresh": "polls with sleeps between requests; get_async_refresh_status covers its request",
}

CLIENT = {"client_id": "cid", "client_secret": "csecret"}
APP_TOKEN = {"access_token": "app-token", "token_type": "Bearer", "scope": "read write follow push",
             "created_at": 1700000000}
USER_TOKEN = {**APP_TOKEN, "access_token": "user-token"}
OAUTH_INFO = {"issuer": "https://mastodon.example/",
              "authorization_endpoint": "https://mastodon.example/oauth/authorize",
              "token_endpoint": "https://mastodon.example/oauth/token",
              "revocation_endpoint": "https://mastodon.example/oauth/revoke",
              "userinfo_endpoint": "https://mastodon.example/oauth/userinfo",
              "scopes_supported": ["read", "write", "follow", "push", "profile"],
              "response_types_supported": ["code"], "grant_types_supported": [
                  "authorization_code", "password", "client_credentials", "refresh_token"]}
BOB = {"id": "2", "acct": "bob", "username": "bob"}
ME = {"id": "1", "acct": "me", "username": "me"}
THREAD = entity("Status", id="20", visibility="private", spoiler_text="", account=BOB,
                mentions=[{"id": "3", "acct": "carol@remote.example"}, ME, BOB,
                          {"id": "3", "acct": "carol@remote.example"}])
OWN = entity("Status", id="21", visibility="unlisted", spoiler_text="about cats", account=ME,
             mentions=[{"id": "4", "acct": "dan"}])
IMAGE = upload("GIF89a\x01\x00\x01\x00", "cat.gif")


def case(method: str, *args: Any, **kwargs: Any) -> Case:
    """A hand-written case; ``_answers``, ``_client``, ``_default``, ``_result`` and
    ``_pass_session`` set the extras of the probe (see requests_probe.py)."""
    extras = {key[1:]: kwargs.pop(key) for key in list(kwargs) if key.startswith("_")}
    return {"method": method, "args": list(args), "kwargs": kwargs, **extras}


SIGNUP = {"_client": {**CLIENT, "access_token": None},
          "_answers": {"POST /oauth/token": APP_TOKEN, "POST /api/v1/accounts": USER_TOKEN}}
OAUTH = {"_client": CLIENT, "_answers": {"GET /.well-known/oauth-authorization-server": OAUTH_INFO,
                                         "POST /oauth/token": USER_TOKEN}}

HAND_WRITTEN: List[Case] = [
    # issue 24.6: replies mention the author first (also yourself), then the others, once
    case("status_reply", THREAD, "agreed"),
    case("status_reply", THREAD, "agreed", untag=True),
    case("status_reply", OWN, "follow-up"),
    case("status_reply", OWN, "follow-up", untag=True),
    case("status_reply", THREAD, "mine", spoiler_text="cw", visibility="public", sensitive=True,
         media_ids=["41"], language="en", poll={"options": ["a", "b"], "expires_in": 300}),
    case("status_reply", {"id": "20", "account": BOB, "mentions": [ME]}, "to a plain dict"),
    case("status_reply", "20", "to an id"),
    case("status_reply", THREAD, "x", visibility="everyone"),
    case("status_reply", THREAD, "x", quote_approval_policy="friends"),
    case("status_reply", THREAD, "later", scheduled_at=dt("2030-01-02T03:04:05+01:00"),
         idempotency_key="reply-1", content_type="text/markdown"),
    case("status_reply", THREAD, "q", quoted_status_id=entity("Status", id="9"),
         quote_approval_policy="nobody"),
    # issue 24.5: refused as Mastodon.py refuses
    case("status_post", "x", visibility=""),
    case("status_post", "x", visibility="Private"),
    case("status_post", "x", visibility="local"),
    case("status_post", "x", content_type="text/markdown", strict_content_type=True),
    case("status_reblog", "5", visibility="direct"),
    case("admin_accounts_v2", status="Active"),
    case("admin_accounts_v1", status=None),
    case("report", "5", category="legal"),
    case("search_v2", "cats", result_type=""),
    case("admin_measures", dt("2025-01-01T00:00:00"), dt("2025-02-01T00:00:00")),
    case("admin_dimensions", dt("2025-01-01T00:00:00"), dt("2025-02-01T00:00:00"), limit=3),
    case("timeline_hashtag", "#cats"),
    case("tag_follow", "#cats"),
    case("notifications", mentions_only=True, types=["follow"]),
    case("status_post", "x", media_ids=["1"], poll={"options": ["a", "b"], "expires_in": 300}),
    case("poll_vote", "1", 2),
    case("markers_set", "home", "5"),
    case("timeline", "tag/cats"),
    case("timeline", "list/5"),
    # issue 24.10: sign-up
    case("create_account", "newbie", "pw-pw-pw", "n@example.org", agreement=True,
         return_detailed_error=True, _result=True, **SIGNUP),
    case("create_account", "newbie", "pw-pw-pw", "n@example.org", agreement=True, _result=True,
         **SIGNUP),
    case("create_account", "newbie", "pw-pw-pw", "n@example.org", agreement=True,
         reason="hi", locale="de", scopes=["read"], date_of_birth=dt("2000-01-31T10:00:00"),
         **SIGNUP),
    case("create_account", "newbie", "pw-pw-pw", "n@example.org", date_of_birth="2000-01-31",
         **SIGNUP),
    case("create_account", "newbie", "pw-pw-pw", "n@example.org", date_of_birth={"$date": "2000-01-31"},
         **SIGNUP),
    case("create_account", "newbie", "pw-pw-pw", "n@example.org",
         _client={**CLIENT, "access_token": None}, _answers={"POST /oauth/token": {}}),
    # OAuth flows with an app's credentials
    case("auth_request_url", **OAUTH),
    case("auth_request_url", scopes=["read"], force_login=True, state="s", lang="de", **OAUTH),
    case("revoke_access_token", **OAUTH),
    case("oauth_userinfo", _answers={"GET /.well-known/oauth-authorization-server": OAUTH_INFO}),
    case("oauth_authorization_server_info", _default=OAUTH_INFO),
    case("create_app", "my app", _pass_session=True, _default={"client_id": "c", "client_secret": "s"},
         _result=True),
    case("create_app", "my app", scopes=["read"], redirect_uris="https://app.example/cb",
         website="https://app.example", _pass_session=True,
         _default={"client_id": "c", "client_secret": "s"}),
    # answers the methods read
    case("notifications_merged", _default={"merged": True}, _result=True),
    case("unread_grouped_notifications_count", _default={"count": 3}, _result=True),
    case("unread_grouped_notifications_count", types=["mention"], limit=10,
         _default={"count": 3}),
    case("instance_translation_languages", _default={"en": ["de"]}),
    # files
    case("media_post", IMAGE, "image/gif", description="a cat", focus={"$tuple": [0.5, 0.5]}),
    case("media_post", IMAGE, "image/gif", file_name="kitty.gif", synchronous=False),
    case("media_update", "41", description="new", thumbnail=IMAGE,
         thumbnail_mime_type="image/gif"),
    case("account_update_credentials", avatar=IMAGE, avatar_mime_type="image/gif",
         header=IMAGE, header_mime_type="image/gif", display_name="Me"),
    case("account_update_credentials", fields=[["a", "b"]], note="hi", locked=True),
    case("profile_update", avatar=IMAGE, avatar_mime_type="image/gif", bot=True),
]
HAND_ONLY: Dict[str, str] = {
    name: "cases above only" for name in
    ("create_account", "auth_request_url", "revoke_access_token", "oauth_userinfo",
     "oauth_authorization_server_info", "create_app", "notifications_merged",
     "unread_grouped_notifications_count", "instance_translation_languages")}
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



def _request_differences(mine: Dict[str, Any], theirs: Dict[str, Any]) -> List[str]:
    if (mine["method"], mine["path"]) != (theirs["method"], theirs["path"]):
        return [f"sent {mine['method']} {mine['path']}, Mastodon.py {theirs['method']} {theirs['path']}"]
    return ([f"query {item}" for item in differences(mine["query"], theirs["query"])] +
            [f"body {item}" for item in differences(mine["body"], theirs["body"])])


def case_differences(mine: Dict[str, Any], theirs: Dict[str, Any],
                     accept_only: bool = False) -> List[str]:
    """How our outcome of one case differs from Mastodon.py's (empty: alike); with
    ``accept_only`` only whether each refused."""
    if "raised" in theirs:
        if "raised" not in mine:
            return [f"Mastodon.py raised {theirs['raised']}: {theirs['message']}; we did not"]
        if theirs["raised"] not in mine["classes"]:
            return [f"raised {mine['raised']} ({mine['message']}), Mastodon.py {theirs['raised']}"]
        return []  # both refused alike (what was sent before: test_local_refusals_send_nothing)
    if "raised" in mine:
        return [f"raised {mine['raised']}: {mine['message']}; Mastodon.py did not"]
    if accept_only:
        return []
    found: List[str] = []
    if len(mine["requests"]) != len(theirs["requests"]):
        found.append(f"{len(mine['requests'])} requests, Mastodon.py {len(theirs['requests'])}")
    for index, (ours, its) in enumerate(zip(mine["requests"], theirs["requests"])):
        found += [f"request {index}: {item}" for item in _request_differences(ours, its)]
    return found


# Known Mastodon.py bugs this library does not copy (issue 24): removed from its side.
def _drop_sensitive_false(method: str, kwargs: Dict[str, Any], request: Dict[str, Any]) -> None:
    """Mastodon.py sends sensitive=0 with every status; False is left out here."""
    if request["path"] == "/api/v1/statuses" and request["body"].get("sensitive") == "0":
        del request["body"]["sensitive"]


def _drop_valid_policies(method: str, kwargs: Dict[str, Any], request: Dict[str, Any]) -> None:
    """Mastodon.py sends valid_policies[] along with a quote approval policy."""
    request["body"].pop("valid_policies", None)


def _drop_ip_block_id(method: str, kwargs: Dict[str, Any], request: Dict[str, Any]) -> None:
    """Mastodon.py repeats the id of the IP block in the body of admin_update_ip_block."""
    if method == "admin_update_ip_block":
        request["body"].pop("id", None)


MASTODON_PY_BUGS: Dict[str, Callable[[str, Dict[str, Any], Dict[str, Any]], None]] = {
    "sensitive=0 on every status post": _drop_sensitive_false,
    "valid_policies[] with a quote approval policy": _drop_valid_policies,
    "id in the body of admin_update_ip_block": _drop_ip_block_id,
}

# Differences left on purpose, each listed in docs/migration.rst: (method, what differs, why).
KNOWN_DIFFERENCES: List[Tuple[str, str, str]] = [
    ("push_subscription_set", "policy", "the server reads data[policy], not policy"),
    ("push_subscription_update", "policy", "the server reads data[policy], not policy"),
    ("admin_account_moderate", "send_email_notification: sent '0'",
     "send_email_notification=False is sent, so the e-mail is really not sent"),
    ("admin_accounts", "query limit: sent", "limit is sent (Mastodon.py drops it)"),
    ("admin_domain_blocks", "query limit: sent", "limit is sent (Mastodon.py drops it)"),
    ("status_reply", "Mastodon.py raised TypeError: to_status must specify a status dict",
     "a plain dict or an id (fetched first) is accepted as the status replied to"),
    ("create_account", "body client_id: recorded", "the app's credentials stay out of the sign-up"),
    ("create_account", "body client_secret: recorded",
     "the app's credentials stay out of the sign-up"),
    ("create_account", "body return_detailed_error: recorded",
     "a client option, not a server parameter"),
    ("push_subscription_set", "subscription.standard: sent",
     "standard=True is sent as subscription[standard], where the server reads it"),
    ("admin_measures", "Must request at least one metric",
     "a metric flag given as a string or int counts as asked for"),
    ("admin_dimensions", "Must request at least one dimension",
     "a dimension flag given as a string or int counts as asked for"),
] + [(name, "recorded ['id', 'username'", "an id given as an object is sent as its id "
      "(Mastodon.py sent the object's field names)")
     for name in ("admin_account_moderate", "grouped_notifications", "report", "search",
                  "search_v2")] + [
    (name, "recorded '2025-03-01T11:00:00+00:00'", "a datetime as a pagination bound is sent "
     "as a snowflake id, as in the timelines (Mastodon.py sent the datetime text here)")
    for name in ("admin_canonical_email_blocks", "admin_domain_allows", "admin_domain_blocks",
                 "admin_email_domain_blocks", "admin_ip_blocks", "admin_reports", "blocks",
                 "bookmarks", "conversations", "domain_blocks", "favourites", "follow_requests",
                 "followed_tags", "grouped_notifications", "mutes", "notification_requests",
                 "scheduled_statuses", "status_quotes")]


# Refusals whose message says more than Mastodon.py's (listed in docs/migration.rst); every
# other refusal both libraries make has Mastodon.py's message.
_UPLOAD = "a missing upload names the parameter and the path as given"
OWN_MESSAGES: Dict[str, str] = {
    "account_update_credentials": _UPLOAD, "profile_update": _UPLOAD, "media_post": _UPLOAD,
    "media_update": _UPLOAD,
    "admin_create_canonical_email_block": "names both parameters",
    "follows": "names the handle that was searched",
    "markers_set": "says how many timelines and ids were given",
    "reports": "says what moderators can use instead",
    "status_post": "quote_id: says what to use on Mastodon",
    "status_reply": "quote_id: says what to use on Mastodon",
    "create_account": "says what the OAuth answer lacked",
}


def _without_bugs(case: Case, theirs: Dict[str, Any]) -> Set[str]:
    """Take the known Mastodon.py bugs out of its requests; the names of those it showed."""
    shown = set()
    for request in theirs["requests"]:
        for name, fix in MASTODON_PY_BUGS.items():
            before = json.dumps(request, sort_keys=True)
            fix(case["method"], case.get("kwargs", {}), request)
            if json.dumps(request, sort_keys=True) != before:
                shown.add(name)
    return shown


def _known(method: str, difference: str) -> bool:
    return any(name == method and text in difference for name, text, _ in KNOWN_DIFFERENCES)


Outcome = Tuple[Case, Dict[str, Any], Dict[str, Any]]


@pytest.fixture(scope="module")
def run(oracle: Oracle) -> Dict[str, Any]:
    """Every case under both libraries: the outcomes and the Mastodon.py bugs they showed."""
    cases = all_cases()
    theirs = oracle.call("requests_probe", "run_cases", cases)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MastodonDeprecationWarning)  # account_pin, follows ...
        mine = run_here("requests_probe", "run_cases", cases)
    bugs: Set[str] = set()
    for case, its in zip(cases, theirs):
        bugs |= _without_bugs(case, its)
    return {"outcomes": list(zip(cases, mine, theirs)), "bugs": bugs}


def _differences(outcomes: List[Outcome]) -> List[Tuple[str, str]]:
    return [(case["method"], f"{case['method']}({_show(case)}): {item}")
            for case, mine, theirs in outcomes
            for item in case_differences(mine, theirs, bool(case.get("accept_only")))]


def _show(case: Case) -> str:
    return ", ".join([json.dumps(arg) for arg in case.get("args", [])] +
                     [f"{key}={json.dumps(value)}" for key, value in case["kwargs"].items()])


def test_every_spec_method_is_covered_or_skipped_by_name() -> None:
    names = {row["name"] for row in spec_rows()}
    assert len(names) == 288
    run_names = {case["method"] for case in all_cases()}
    assert set(SKIPPED) <= names and not set(SKIPPED) & run_names
    assert set(HAND_ONLY) <= run_names
    assert names == run_names | set(SKIPPED), sorted(names - run_names - set(SKIPPED))


def test_requests_and_refusals_match_mastodon_py(run: Dict[str, Any]) -> None:
    found = [text for method, text in _differences(run["outcomes"]) if not _known(method, text)]
    assert found == [], "\n".join(found[:40])


def test_refusals_have_mastodon_pys_message(run: Dict[str, Any]) -> None:
    """The class is compared above; here the message (the exception's args) as well."""
    both = [(case, mine, theirs) for case, mine, theirs in run["outcomes"]
            if "raised" in mine and "raised" in theirs]
    assert len(both) >= 50
    differ = {case["method"] for case, mine, theirs in both
              if mine["message"] != theirs["message"]}
    assert differ == set(OWN_MESSAGES)


def test_every_known_difference_still_shows(run: Dict[str, Any]) -> None:
    found = _differences(run["outcomes"])
    stale = [(name, text) for name, text, _ in KNOWN_DIFFERENCES
             if not any(name == method and text in item for method, item in found)]
    assert stale == []


def test_every_skipped_mastodon_py_bug_still_shows(run: Dict[str, Any]) -> None:
    assert run["bugs"] == set(MASTODON_PY_BUGS)


def test_local_refusals_send_nothing(run: Dict[str, Any]) -> None:
    for case, mine, theirs in run["outcomes"]:
        if "raised" in theirs and not theirs["requests"] and "raised" in mine:
            assert mine["requests"] == [], case


def test_many_cases_refuse_and_many_send(run: Dict[str, Any]) -> None:
    refused = [case for case, mine, _ in run["outcomes"] if "raised" in mine]
    sent = [case for case, mine, _ in run["outcomes"] if mine["requests"]]
    assert len(refused) >= 50 and len(sent) >= 1000


def test_status_reply_wire_is_mastodon_pys(run: Dict[str, Any]) -> None:
    """Issue 24.6: the mentions in Mastodon.py's order, the content warning even when empty."""
    replies = [(case, mine, theirs) for case, mine, theirs in run["outcomes"]
               if case["method"] == "status_reply" and case.get("args") and "raised" not in theirs]
    assert len(replies) >= 6
    for case, mine, theirs in replies:
        assert mine["requests"][-1]["body"]["status"] == theirs["requests"][-1]["body"]["status"]
        assert (mine["requests"][-1]["body"].get("spoiler_text") ==
                theirs["requests"][-1]["body"].get("spoiler_text"))
    first = replies[0][1]["requests"][-1]["body"]
    assert first["status"] == "@bob @carol@remote.example agreed" and first["spoiler_text"] == ""


def test_admin_metrics_are_sent_as_json_like_mastodon_pys(run: Dict[str, Any]) -> None:
    """Issue 24.10: admin_measures and admin_dimensions send JSON bodies."""
    metrics = [(mine, theirs) for case, mine, theirs in run["outcomes"]
               if case["method"] in ("admin_measures", "admin_dimensions")
               and mine["requests"] and theirs["requests"]]
    assert len(metrics) >= 10
    for mine, theirs in metrics:
        assert mine["requests"][0]["kind"] == theirs["requests"][0]["kind"] == "application/json"


def test_bodies_are_form_json_or_multipart_as_mastodon_pys(run: Dict[str, Any]) -> None:
    """Beyond the data, the body's kind: form fields, JSON or multipart, as Mastodon.py's."""
    pairs = [(case["method"], ours["kind"], its["kind"])
             for case, mine, theirs in run["outcomes"] if "raised" not in mine
             for ours, its in zip(mine["requests"], theirs["requests"])
             if ours["body"] and its["body"]]
    assert len({kind for _, kind, _ in pairs}) == 3
    assert [pair for pair in pairs if pair[1] != pair[2]] == []


def test_results_asked_for_match(run: Dict[str, Any]) -> None:
    """Issue 24.10 among them: create_account(return_detailed_error=True) on success."""
    checked = [(case, mine, theirs) for case, mine, theirs in run["outcomes"] if case.get("result")]
    assert len(checked) >= 5
    for case, mine, theirs in checked:
        assert mine.get("result") == theirs.get("result"), case


def test_a_missing_id_is_refused_never_dropped_from_the_path() -> None:
    """A required id given as None or "" is refused before sending (Mastodon.py put
    ``None`` into the path; dropping it would turn ``DELETE .../items/:id`` into a
    request on the whole collection)."""
    cases = []
    for row in spec_rows():
        if row["name"] in SKIPPED or row["name"] in HAND_ONLY or "may be None" in row["notes"]:
            continue  # account_in_collections(None) means your own account
        required = {name: typical(name, None) for name, needed, _ in parameters(row["signature"])
                    if needed}
        cases += [{"method": row["name"], "kwargs": {**required, name: missing}}
                  for name in required if name in ID_NAMES for missing in (None, "")]
    assert len(cases) >= 250
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MastodonDeprecationWarning)
        outcomes = run_here("requests_probe", "run_cases", cases)
    sent = [(case, outcome["requests"]) for case, outcome in zip(cases, outcomes)
            if outcome["requests"] or "MastodonIllegalArgumentError" not in outcome["classes"]]
    assert sent == []
