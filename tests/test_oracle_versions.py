"""Version checks and instance lookups send what Mastodon.py 2.3.3 sends, in its order
(issue 24 points 7 and 9), compared request by request through the differential harness
(``support/probes/versions_probe.py`` runs here and in the oracle)."""
from __future__ import annotations

from typing import Any, Dict, List

import pytest

from support.oracle import Oracle, run_here

NODEINFO = "http://nodeinfo.diaspora.software/ns/schema/2.0"
OTHER_ORIGIN = "https://nodeinfo.example:8443"


def documents(v1: Any = None, v2: Any = None) -> Dict[str, Any]:
    """A server's canned answers: its instance documents (None: 404) and nodeinfo on another origin."""
    served = {
        "/.well-known/nodeinfo": [200, {"links": [
            {"rel": NODEINFO, "href": f"{OTHER_ORIGIN}/nodeinfo/2.0"}]}],
        f"{OTHER_ORIGIN}/nodeinfo/2.0": [200, {"version": "2.0", "software": {
            "name": "mastodon", "version": "4.3.0"}}],
    }
    if v1 is not None:
        served["/api/v1/instance/"] = [200, {"uri": "mastodon.example", "title": "v1", "version": v1}]
    if v2 is not None:
        served["/api/v2/instance/"] = [200, {"domain": "mastodon.example", "title": "v2",
                                             "version": v2, "api_versions": {"mastodon": 2}}]
    return served


def call(name: str, *args: Any, **kwargs: Any) -> List[Any]:
    return [name, list(args), kwargs]


#: The version probes, the kept answers and clear_caches(), a version-gated method
#: (refused locally by the check modes, sent with "none"), instance() and nodeinfo.
LOOKUPS = [
    call("retrieve_mastodon_version"), call("numbers"),
    call("verify_minimum_version", "4.2.0"),
    call("verify_minimum_version", "4.9.0", cached=True),
    call("verify_minimum_version", "4.9.0"),
    call("retrieve_mastodon_version"),
    call("instance_terms_of_service"),
    call("timeline_is_available"),
    call("instance_nodeinfo"),
    call("clear_caches"),
    call("instance_terms_of_service"),
    call("verify_minimum_version", "4.0.0", cached=True), call("numbers"),
    call("retrieve_mastodon_version"),
]
#: instance() besides: the check modes "created" and "none" (Mastodon.py dates the
#: last change of instance() differently, so "changed" judges it differently).
WITH_INSTANCE = [call("instance"), call("instance"), *LOOKUPS, call("instance_v1"),
                 call("instance_v2"), call("instance")]

SCENARIOS = {
    "none": (documents("4.3.0", "4.3.0"), {"version_check_mode": "none"}, WITH_INSTANCE),
    "created": (documents("4.3.0", "4.3.0"), {"version_check_mode": "created"}, WITH_INSTANCE),
    "changed": (documents("4.3.0", "4.3.0"), {"version_check_mode": "changed"}, LOOKUPS),
    "created, given 4.1.0": (documents("4.3.0", "4.3.0"),
                             {"version_check_mode": "created", "mastodon_version": "4.1.0"},
                             WITH_INSTANCE),
    "created, given 3.0.0": (documents("4.3.0", "4.3.0"),
                             {"version_check_mode": "created", "mastodon_version": "3.0.0"},
                             WITH_INSTANCE),
    "changed, given 4.1.0": (documents("4.3.0", "4.3.0"),
                             {"version_check_mode": "changed", "mastodon_version": "4.1.0"},
                             LOOKUPS),
    "an old server without v2": (documents("3.5.1"), {}, WITH_INSTANCE),
    "created on an old server": (documents("3.5.1"), {"version_check_mode": "created"},
                                 WITH_INSTANCE),
    "fail_hard without v1": (documents(None, "4.3.0"), {}, [
        call("retrieve_mastodon_version", fail_hard=True),
        call("retrieve_mastodon_version", fail_hard=True), call("timeline_is_available")]),
}


def without_token_to_other_origins(run: Dict[str, Any]) -> Dict[str, Any]:
    """Mastodon.py's requests as this library sends them: no access token to another origin.

    The one deliberate difference on the wire (docs/migration.rst, "The access token
    stays with its server"): a nodeinfo document on another host or port is fetched
    without the Authorization header.
    """
    def step(record: Dict[str, Any]) -> Dict[str, Any]:
        sent = [[method, url, auth and not url.startswith(OTHER_ORIGIN)]
                for method, url, auth in record["sent"]]
        return {**record, "sent": sent}

    return {"constructor": step(run["constructor"]), "calls": [step(s) for s in run["calls"]]}


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_version_and_instance_lookups_send_what_mastodon_py_sends(oracle: Oracle,
                                                                  name: str) -> None:
    served, options, calls = SCENARIOS[name]
    mine = run_here("versions_probe", "scenario", served, options, calls)
    theirs = oracle.call("versions_probe", "scenario", served, options, calls)
    assert mine == without_token_to_other_origins(theirs)


def test_the_comparison_sees_the_order_and_the_token() -> None:
    served, options, calls = SCENARIOS["none"]
    mine = run_here("versions_probe", "scenario", served, options, calls)
    first = mine["calls"][0]["sent"]
    assert first == [["GET", "https://mastodon.example/api/v1/instance/", True],
                     ["GET", "https://mastodon.example/api/v2/instance/", True],
                     ["GET", "https://mastodon.example/api/v2/instance/", True]]
    nodeinfo = mine["calls"][calls.index(call("instance_nodeinfo"))]["sent"]
    assert nodeinfo == [["GET", "https://mastodon.example/.well-known/nodeinfo", True],
                        ["GET", f"{OTHER_ORIGIN}/nodeinfo/2.0", False]]
    assert mine != without_token_to_other_origins({**mine, "calls": mine["calls"][::-1]})


def test_a_server_without_v1_is_asked_again_at_each_check(oracle: Oracle) -> None:
    """Mastodon.py keeps only answers, so a failed v1 lookup is repeated at each check.

    The results differ on purpose (docs/migration.rst, "Unknown versions do not block
    calls"): a version that could not be learnt lets checks pass here, where
    Mastodon.py judges the server as 1.0.0.
    """
    served = documents(None, "4.3.0")
    calls = [call("retrieve_mastodon_version"), call("verify_minimum_version", "2.0.0",
                                                     cached=True),
             call("verify_minimum_version", "2.0.0", cached=True), call("numbers")]
    mine = run_here("versions_probe", "scenario", served, {}, calls)
    theirs = oracle.call("versions_probe", "scenario", served, {}, calls)
    assert [s["sent"] for s in mine["calls"]] == [s["sent"] for s in theirs["calls"]]
    assert [s["sent"] for s in mine["calls"]][1:3] == [
        [["GET", "https://mastodon.example/api/v1/instance/", True]]] * 2
    assert [s["result"] for s in theirs["calls"]][:3] == ["1.0.0", False, False]
    assert [s["result"] for s in mine["calls"]][:3] == ["1.0.0", True, True]


def test_a_version_given_with_checks_off_is_honoured_unlike_mastodon_py(oracle: Oracle) -> None:
    """Mastodon.py ignores ``mastodon_version`` when ``version_check_mode`` is "none" and
    treats the server as 1.0.0 until asked; this library takes the version given in
    every mode (docs/migration.rst), so instance() asks for v2 where Mastodon.py asks v1."""
    served = documents("4.3.0", "4.3.0")
    options = {"mastodon_version": "4.1.0"}
    calls = [call("numbers"), call("instance"), call("verify_minimum_version", "4.0.0",
                                                     cached=True)]
    mine = run_here("versions_probe", "scenario", served, options, calls)
    theirs = oracle.call("versions_probe", "scenario", served, options, calls)
    assert [s.get("result") for s in theirs["calls"]] == [
        [1, 0, 0, 0], {"type": "Instance", "title": "v1", "version": "4.3.0"}, False]
    assert [s.get("result") for s in mine["calls"]] == [
        [4, 1, 0, 0], {"type": "InstanceV2", "title": "v2", "version": "4.3.0"}, True]
    assert theirs["calls"][1]["sent"] == [["GET", "https://mastodon.example/api/v1/instance/", True]]
    assert mine["calls"][1]["sent"] == [["GET", "https://mastodon.example/api/v2/instance/", True]]


@pytest.mark.parametrize("given", ["banana", "", "v"])
def test_an_unreadable_given_version_is_refused_only_with_checks_on(oracle: Oracle,
                                                                   given: str) -> None:
    served = documents("4.3.0", "4.3.0")
    calls = [call("verify_minimum_version", "2.0.0", cached=True), call("instance_v1")]
    for mode in ("created", "changed"):
        options = {"mastodon_version": given, "version_check_mode": mode}
        mine = run_here("versions_probe", "scenario", served, options, calls)
        assert mine == oracle.call("versions_probe", "scenario", served, options, calls)
        assert mine["constructor"] == {"sent": [], "error": "MastodonVersionError"}
    options = {"mastodon_version": given}
    mine = run_here("versions_probe", "scenario", served, options, calls)
    theirs = oracle.call("versions_probe", "scenario", served, options, calls)
    assert [s["sent"] for s in mine["calls"]] == [s["sent"] for s in theirs["calls"]]
    assert mine["calls"][0] == {"sent": [], "result": True}  # unknown: nothing ruled out
    assert theirs["calls"][0] == {"sent": [], "result": False}  # taken for 1.0.0


def test_an_unreadable_version_to_verify_is_a_value_error_in_both(oracle: Oracle,
                                                                  fake_at: Any) -> None:
    served = documents("4.3.0", "4.3.0")
    calls = [call("verify_minimum_version", "banana", cached=True)]
    options = {"mastodon_version": "4.3.0", "version_check_mode": "created"}
    mine = run_here("versions_probe", "scenario", served, options, calls)
    theirs = oracle.call("versions_probe", "scenario", served, options, calls)
    assert theirs["calls"] == [{"sent": [], "error": "ValueError"}]
    assert mine["calls"] == [{"sent": [], "error": "MastodonIllegalArgumentError"}]
    with pytest.raises(ValueError, match="version_str"):  # a ValueError here too
        fake_at("4.3.0").api.verify_minimum_version("banana")


@pytest.mark.parametrize("method", ["stream_user", "stream_public"])
@pytest.mark.parametrize("v1,v2", [("wss://streaming.example", "wss://v2.example"),
                                   ("wss://streaming.example", None), (None, None)],
                         ids=["both", "v1 only", "none"])
def test_streams_look_up_the_instance_as_mastodon_py_does(oracle: Oracle, method: str,
                                                          v1: Any, v2: Any) -> None:
    served = documents("4.3.0", "4.3.0")
    if v1:
        served["/api/v1/instance/"][1]["urls"] = {"streaming_api": v1}
    if v2:
        served["/api/v2/instance/"][1]["configuration"] = {"urls": {"streaming": v2}}
    mine = run_here("versions_probe", "stream_lookups", served, method)
    theirs = oracle.call("versions_probe", "stream_lookups", served, method)
    # The stream request itself answers 404: MastodonNotFoundError here, MastodonNetworkError
    # in Mastodon.py (the streaming area's business); the requests are the same.
    assert [attempt["sent"] for attempt in mine] == [attempt["sent"] for attempt in theirs]
    assert mine[0]["sent"][:2] == [["GET", "https://mastodon.example/api/v2/instance/", True],
                                   ["GET", "https://mastodon.example/api/v1/instance/", True]]
