"""Filing reports, and the removed reports() listing."""
import warnings

import pytest

from mastodon.errors import MastodonAPIError, MastodonIllegalArgumentError, MastodonVersionError
from mastodon.return_types import Report

REPORT = {"id": "3", "action_taken": False, "category": "spam", "comment": "", "forwarded": False,
          "created_at": "2024-05-01T10:00:00.000Z", "status_ids": ["11"], "rule_ids": None,
          "target_account": {"id": "5", "acct": "bob"}}


def at_version(fake, version):
    """Let the fake client learn its server version the usual way, then forget that request."""
    fake.queue(json={"version": version})
    fake.api.retrieve_mastodon_version()
    fake.requests.clear()
    return fake


# ---------------------------------------------------------------- report() request shape

def test_report_minimal(fake):
    fake.queue(json=REPORT)
    report = fake.api.report({"id": "5"})
    assert fake.calls == [("POST", "/api/v1/reports/")]
    assert fake.last_form() == [("account_id", "5")]
    assert isinstance(report, Report) and report.target_account.acct == "bob"
    assert report.created_at.year == 2024


def test_report_everything(fake):
    fake.queue(json=REPORT)
    fake.api.report("5", status_ids=[{"id": "11"}, 12], comment="spam bot", forward=True,
                    category="violation", rule_ids=[{"id": "1"}, "2"],
                    forward_to_domains=["remote.example", "other.example"],
                    collection_ids=["c1"])
    assert fake.last_form() == [
        ("account_id", "5"), ("status_ids[]", "11"), ("status_ids[]", "12"),
        ("comment", "spam bot"), ("forward", "1"), ("category", "violation"),
        ("rule_ids[]", "1"), ("rule_ids[]", "2"),
        ("forward_to_domains[]", "remote.example"), ("forward_to_domains[]", "other.example"),
        ("collection_ids[]", "c1")]


def test_report_single_values_become_lists(fake):
    fake.api.report(5, status_ids=11, rule_ids=1, forward_to_domains="remote.example")
    assert fake.last_form() == [("account_id", "5"), ("status_ids[]", "11"), ("rule_ids[]", "1"),
                                ("forward_to_domains[]", "remote.example")]


@pytest.mark.parametrize("kwargs,word", [
    ({"category": 3}, "category"),
    ({"forward": ["yes"]}, "forward"),
    ({"comment": 5}, "comment"),
    ({"status_ids": [None]}, "status_ids"),
    ({"rule_ids": [1.5]}, "rule_ids"),
    ({"forward_to_domains": [""]}, "forward_to_domains"),
    ({"forward_to_domains": {"a": 1}}, "forward_to_domains"),
])
def test_report_validates_before_sending(fake, kwargs, word):
    with pytest.raises(MastodonIllegalArgumentError, match=word):
        fake.api.report("5", **kwargs)
    with pytest.raises(MastodonIllegalArgumentError, match="account_id"):
        fake.api.report(None)
    assert fake.requests == []


def test_report_newer_parameters_go_to_old_servers_without_version_checks(fake):
    old = at_version(fake, "3.4.0")
    old.api.report("5", rule_ids=["1"], category="violation")
    assert old.calls == [("POST", "/api/v1/reports/")]


def test_report_newer_parameters_on_known_old_servers(fake):
    old = at_version(fake, "3.4.0")
    old.api.version_check_mode = "created"
    with pytest.raises(MastodonVersionError, match="rule_ids"):
        old.api.report("5", rule_ids=["1"])
    with pytest.raises(MastodonVersionError, match="category"):
        old.api.report("5", category="spam")
    old.api.report("5", comment="plain report works")
    assert len(old.requests) == 1


def test_report_collection_ids_need_4_6(fake):
    at_version(fake, "4.5.0").api.version_check_mode = "created"
    with pytest.raises(MastodonVersionError, match="collection_ids"):
        fake.api.report("5", collection_ids=["1"])
    assert fake.requests == []


def test_report_does_not_probe_the_version(fake):
    fake.api.report("5", category="spam", rule_ids=["1"])
    assert fake.calls == [("POST", "/api/v1/reports/")]


# ---------------------------------------------------------------- reports()

def test_reports_on_old_servers(fake):
    old = at_version(fake, "2.4.0")
    old.queue(json=[REPORT])
    [report] = old.api.reports()
    assert old.calls == [("GET", "/api/v1/reports")]
    assert isinstance(report, Report)


def test_reports_raises_on_servers_that_removed_it(fake):
    new = at_version(fake, "2.5.0")
    with pytest.raises(MastodonVersionError, match="2.5.0"):
        new.api.reports()
    assert new.requests == []


def test_reports_probes_an_unknown_server_first(fake):
    fake.queue(json={"version": "4.3.0"})
    with pytest.raises(MastodonVersionError):
        fake.api.reports()
    assert fake.calls == [("GET", "/api/v1/instance/"), ("GET", "/api/v2/instance/")]


def test_server_deprecation_header_warns(fake):
    from mastodon.errors import MastodonDeprecationWarning
    fake.queue(json=REPORT, headers={"Deprecation": "@1700000000"})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fake.api.report("5")
    assert any(issubclass(w.category, MastodonDeprecationWarning) for w in caught)


# ---------------------------------------------------------------- behaviour against mastodon_mock

def test_mock_report_reaches_the_moderators(client, admin_client):
    bob = client("bob")
    post = bob.status_post("buy cheap followers")
    report = client("alice").report(post.account, status_ids=[post], comment="spam",
                                    category="spam", forward=True)
    assert isinstance(report, Report)
    assert report.target_account.id == post.account.id
    assert report.status_ids == [post.id] and report.category == "spam"
    [queued] = admin_client.admin_reports()
    assert queued.id == report.id and queued.comment == "spam"


def test_mock_report_rejects_foreign_statuses(client):
    mine = client("alice").status_post("my own post")
    bob_post = client("bob").status_post("bob's post")
    with pytest.raises(MastodonAPIError) as info:
        client("carol").report(bob_post.account, status_ids=[mine])
    assert info.value.status_code == 422


def test_mock_reports_listing_is_gone(client):
    with pytest.raises(MastodonVersionError):
        client("alice").reports()
