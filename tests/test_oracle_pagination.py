"""Pagination helpers against Mastodon.py 2.3.3 (probe: support/probes/pagination.py).

Each test runs the same probe here and in the oracle: a scripted server
answers pages with ``Link`` headers, and the probe reports what each library
requested next and what the helpers returned or raised. The few deliberate
differences (listed in docs/migration.rst) are asserted separately.
"""
from __future__ import annotations

from typing import Any, Dict, List

import pytest

from support.oracle import Oracle, run_here

HOME = ("timeline_home", {"limit": 3})
FILTERED = ("notifications", {"types": ["mention", "follow"], "exclude_types": ["poll"],
                              "limit": 2})
GROUPED = ("grouped_notifications", {"limit": 2, "expand_accounts": "full",
                                     "types": ["mention"]})
FOLLOWERS = ("account_followers", {"limit": 2})
LINK_SHAPES = ["bare", "full", "bare/prefixed", "none", "next_only", "bare/standin",
               "full/standin"]
HELPERS = ["fetch_next", "fetch_previous", "fetch_remaining", "pagination_iterator",
           "pagination_page_iterator"]
ODD_INPUTS = ["none", "empty_list", "slice", "plain_list", "dict", "string", "page",
              "info_next", "info_prev", "info_as_dict", "newest_previous", "bare_page",
              "stand_in", "middle_item"]
# (helper, input) pairs where mastodon-ng differs on purpose; see the tests below
DIFFERENT = {("fetch_remaining", "info_next"), ("fetch_remaining", "info_prev"),
             ("fetch_remaining", "info_as_dict"), ("pagination_iterator", "string")}
# both libraries iterate a single status as a dict, giving its keys; their order is the
# decoder's business, not pagination's
KEYS_OF_AN_ENTITY = {("fetch_remaining", "middle_item"), ("pagination_iterator", "middle_item")}


def both(oracle: Oracle, function: str, *args: Any) -> List[Any]:
    """The probe's answer here and in the oracle, in that order."""
    return [run_here("pagination", function, *args), oracle.call("pagination", function, *args)]


def without_item_info(value: Any) -> Any:
    """A probe answer without the pagination info of single items (pages keep theirs).

    mastodon-ng also stores the info on a page's first and last item, as
    Mastodon.py 1.x did; Mastodon.py 2.3.3 does not.
    """
    if isinstance(value, dict):
        is_item = "keys_with_pagination" in value
        return {key: without_item_info(item) for key, item in value.items()
                if not (is_item and key in ("next", "prev"))}
    if isinstance(value, list):
        return [without_item_info(item) for item in value]
    return value


@pytest.mark.parametrize("links", LINK_SHAPES)
@pytest.mark.parametrize("method,kwargs", [HOME, FILTERED, GROUPED, FOLLOWERS],
                         ids=["home", "notifications", "grouped", "followers"])
def test_pagination_info_has_the_same_keys_and_types(oracle: Oracle, method: str,
                                                     kwargs: Dict[str, Any], links: str) -> None:
    mine, theirs = both(oracle, "first_page", method, kwargs, links)
    assert mine["page"] == theirs["page"]
    assert mine["requests"] == theirs["requests"]
    assert without_item_info(mine["items"]) == without_item_info(theirs["items"])


def test_ids_and_limit_are_ints_and_the_request_parameters_are_kept(oracle: Oracle) -> None:
    mine, theirs = both(oracle, "first_page", *FILTERED, "bare")
    assert without_item_info(mine) == without_item_info(theirs)
    info = {key: (kind, value) for key, kind, value in mine["page"]["next"]}
    assert info["max_id"] == ("int", 9) and info["limit"] == ("int", 2)
    assert info["types[]"] == ("list", ["mention", "follow"])
    assert info["exclude_types[]"] == ("list", ["poll"])


@pytest.mark.parametrize("links", LINK_SHAPES)
@pytest.mark.parametrize("steps", [["next", "next", "next", "next"], ["previous"],
                                   ["next", "previous", "previous"], ["next", "next", "previous"]],
                         ids=["to_the_end", "newest_previous", "back_and_forth", "back_once"])
@pytest.mark.parametrize("method,kwargs", [HOME, FILTERED, GROUPED, FOLLOWERS,
                                           ("timeline_home", {"max_id": 8, "limit": 2}),
                                           ("timeline_home", {"since_id": 3, "limit": 2})],
                         ids=["home", "notifications", "grouped", "followers", "from_max_id",
                              "from_since_id"])
def test_next_and_previous_pages_repeat_the_request(oracle: Oracle, method: str,
                                                    kwargs: Dict[str, Any], steps: List[str],
                                                    links: str) -> None:
    mine, theirs = both(oracle, "chain", method, kwargs, links, steps)
    assert mine == theirs


def test_fetch_previous_on_the_newest_page_is_an_empty_page(oracle: Oracle) -> None:
    mine, theirs = both(oracle, "chain", *HOME, "full", ["previous"])
    assert mine == theirs
    assert mine["pages"][1] == {"ids": [], "next": None, "prev": None}  # a page, not None
    assert mine["requests"][-1]["query"] == [["limit", "3"], ["min_id", "10"]]


@pytest.mark.parametrize("helper,what", [
    (helper, what) for helper in HELPERS for what in ODD_INPUTS
    if (helper, what) not in DIFFERENT | KEYS_OF_AN_ENTITY])
def test_helpers_on_pages_and_odd_input_match(oracle: Oracle, helper: str, what: str) -> None:
    mine, theirs = both(oracle, "follow", *HOME, "bare", helper, what)
    assert without_item_info(mine) == without_item_info(theirs)


INFOS = ("info_next", "info_prev", "info_as_dict")


@pytest.mark.parametrize("direction", ["next", "previous"])
@pytest.mark.parametrize("what", [what for what in ODD_INPUTS if what not in INFOS])
def test_get_pagination_info_matches(oracle: Oracle, what: str, direction: str) -> None:
    """Lenient, unlike the fetch helpers: what is not a page has no info."""
    mine, theirs = both(oracle, "follow", *HOME, "bare", "get_pagination_info", what, direction)
    assert mine == theirs


@pytest.mark.parametrize("what", ["none", "empty_list", "slice", "dict", "string", "plain_list"])
@pytest.mark.parametrize("helper", ["fetch_next", "fetch_previous"])
def test_not_a_page_is_refused_before_sending(helper: str, what: str) -> None:
    answer = run_here("pagination", "follow", *HOME, "bare", helper, what)
    assert answer["requests"] == []
    if what == "none":
        assert answer["result"] == {"kind": "NoneType", "value": None}
    else:
        assert answer["result"] == {"raised": "MastodonIllegalArgumentError",
                                    "illegal_argument": True}


@pytest.mark.parametrize("helper", ["pagination_iterator", "pagination_page_iterator"])
@pytest.mark.parametrize("direction,first", [("next", ["7", "6", "5"]), ("previous", [])])
def test_iterators_fetch_the_page_of_a_pagination_info_first(oracle: Oracle, helper: str,
                                                             direction: str,
                                                             first: List[str]) -> None:
    what = "info_next" if direction == "next" else "info_prev"
    mine, theirs = both(oracle, "follow", *HOME, "bare", helper, what, direction)
    assert without_item_info(mine) == without_item_info(theirs)
    pages = mine["result"]
    got = pages[0]["ids"] if helper == "pagination_page_iterator" else [
        item["id"] for item in pages[:len(first)]]
    assert got == first


# ------------------------------------------------------------ deliberate differences

def test_fetch_remaining_from_a_pagination_info_fetches_its_pages(oracle: Oracle) -> None:
    mine, theirs = both(oracle, "follow", *HOME, "bare", "fetch_remaining", "info_next")
    assert mine["result"]["ids"] == ["7", "6", "5", "4", "3", "2", "1"]
    # Mastodon.py 2.3.3 puts the info's keys into the list before the items
    assert "'max_id'" in theirs["result"]["ids"]
    assert mine["requests"] == theirs["requests"]


def test_pagination_iterator_refuses_a_string(oracle: Oracle) -> None:
    mine, theirs = both(oracle, "follow", *HOME, "bare", "pagination_iterator", "string")
    assert mine["result"] == {"raised": "MastodonIllegalArgumentError", "illegal_argument": True}
    assert theirs["result"][0] == {"value": "h"}  # Mastodon.py 2.3.3 yields its characters


def test_the_last_item_of_a_page_still_leads_to_the_next_page(oracle: Oracle) -> None:
    """Code of the Mastodon.py 1.x era reads ``page[-1]._pagination_next``."""
    mine, theirs = both(oracle, "follow", *HOME, "bare", "fetch_next", "last_item")
    assert mine["result"]["ids"] == ["7", "6", "5"]
    assert mine["requests"] == [{"method": "GET", "path": "/api/v1/timelines/home",
                                 "query": [["limit", "3"], ["max_id", "8"]]}]
    assert theirs["result"] == {"kind": "NoneType", "value": None}  # 2.3.3 lost it
    earlier = run_here("pagination", "follow", *HOME, "bare", "fetch_previous", "first_item")
    assert earlier["requests"][0]["query"] == [["limit", "3"], ["min_id", "10"]]


@pytest.mark.parametrize("what", INFOS)
def test_get_pagination_info_of_a_pagination_info_is_itself(oracle: Oracle, what: str) -> None:
    mine, theirs = both(oracle, "follow", *HOME, "bare", "get_pagination_info", what, "next")
    assert mine["result"] == {"kind": "PaginationInfo", "value": None}
    assert theirs["result"] == {"kind": "NoneType", "value": None}  # 2.3.3 finds none in it
