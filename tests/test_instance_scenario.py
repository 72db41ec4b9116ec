"""Scenario against mastodon_mock: one user reports another, an admin reads the instance.

The seeded mock has no instance rules configured, so the report cites rule
ids the mock stores without checking (real Mastodon checks them against
``instance_rules()``).
"""
from mastodon.return_types import Activity, InstanceV2, Nodeinfo, Report


def test_report_and_admin_instance_overview(client, admin_client):
    alice, bob = client("alice"), client("bob")

    # Bob posts spam; Alice reads the rules and the server limits, then reports him.
    spam = bob.status_post("Cheap followers! Visit example.invalid")
    bob.status_post("and another one")
    assert alice.instance_rules() == []
    limits = alice.instance().configuration.statuses
    assert limits.max_characters >= len(spam.content)
    report = alice.report(spam.account, status_ids=spam, comment="Spam bot",
                          category="violation", rule_ids=["1"], forward=True)
    assert isinstance(report, Report)
    assert (report.category, report.rule_ids, report.status_ids) == ("violation", ["1"], [spam.id])
    assert report.forwarded is True and report.action_taken is False

    # The admin reads the instance data and handles the report.
    info = admin_client.instance()
    assert isinstance(info, InstanceV2)
    assert admin_client.instance_health() is True
    nodeinfo = admin_client.instance_nodeinfo()
    assert isinstance(nodeinfo, Nodeinfo)
    assert nodeinfo.usage.users.total >= 4 and nodeinfo.software.version == info.version
    weeks = admin_client.instance_activity()  # the mock's newest week ends at midnight
    assert len(weeks) == 12 and all(isinstance(week, Activity) for week in weeks)
    assert weeks[0].week > weeks[1].week
    assert admin_client.instance_v1().stats.user_count >= 4

    admin_client.admin_create_domain_block("example.invalid", severity="silence",
                                           public_comment="link spam")
    assert [b.domain for b in alice.instance_domain_blocks()] == ["example.invalid"]

    [queued] = admin_client.admin_reports()
    assert queued.id == report.id and queued.target_account.id == spam.account.id
    admin_client.admin_report_resolve(queued)
    assert admin_client.admin_reports() == []
    assert admin_client.admin_reports(resolved=True)[0].id == report.id

    # Cached server facts stay consistent for both users.
    assert alice.verify_minimum_version("4.0.0", cached=True)
    assert admin_client.verify_minimum_version("4.0.0", cached=True)
