"""Admin endpoints: exact request shapes (fake transport) and behaviour on mastodon_mock.

The mock lets any logged-in user call /api/v1/admin/* (it checks no roles), so
role refusals are simulated with its fault rules; scope refusals use a second
mock server with ``enforce_scopes`` on.
"""
from datetime import date, datetime, timedelta, timezone

import pytest

from mastodon import Mastodon
from mastodon import return_types as rt
from mastodon.errors import (
    MastodonAPIError, MastodonIllegalArgumentError, MastodonUnauthorizedError,
)
from mastodon.types_base import NonPaginatableList, PaginatableList

START = datetime(2024, 3, 1, tzinfo=timezone.utc)
END = datetime(2024, 3, 8, 12, 30, tzinfo=timezone.utc)
A = "/api/v1/admin"

# (call, verb, path, expected query or form pairs, canned JSON answer, expected type)
SHAPES = [
    # accounts
    (lambda m: m.admin_accounts_v2(), "GET", "/api/v2/admin/accounts", [], [], PaginatableList),
    (lambda m: m.admin_accounts_v2(origin="remote", by_domain="x.example", status="pending",
                                   username="al", display_name="Al", email="a@x", ip="10.0.0.1",
                                   permissions="staff", invited_by={"id": "7"},
                                   role_ids=[1, "2"], max_id="9", min_id="1", since_id="2",
                                   limit=5),
     "GET", "/api/v2/admin/accounts",
     [("max_id", "9"), ("min_id", "1"), ("since_id", "2"), ("limit", "5"),
      ("origin", "remote"), ("status", "pending"), ("by_domain", "x.example"),
      ("username", "al"), ("display_name", "Al"), ("email", "a@x"), ("ip", "10.0.0.1"),
      ("permissions", "staff"), ("invited_by", "7"), ("role_ids[]", "1"), ("role_ids[]", "2")],
     [], PaginatableList),
    (lambda m: m.admin_accounts_v1(), "GET", f"{A}/accounts", [("active", "1")], [],
     PaginatableList),
    (lambda m: m.admin_accounts_v1(remote=True, by_domain="x.example", status="suspended",
                                   username="u", display_name="d", email="e", ip="1.2.3.4",
                                   staff_only=True, limit=3),
     "GET", f"{A}/accounts",
     [("limit", "3"), ("remote", "1"), ("by_domain", "x.example"), ("username", "u"),
      ("display_name", "d"), ("email", "e"), ("ip", "1.2.3.4"), ("staff", "1"),
      ("suspended", "1")], [], PaginatableList),
    (lambda m: m.admin_accounts(status="silenced", max_id=4), "GET", f"{A}/accounts",
     [("max_id", "4"), ("silenced", "1")], [], PaginatableList),
    (lambda m: m.admin_account(12), "GET", f"{A}/accounts/12", [], {"id": "12"},
     rt.AdminAccount),
    (lambda m: m.admin_account_enable({"id": "12"}), "POST", f"{A}/accounts/12/enable", [],
     {"id": "12"}, rt.AdminAccount),
    (lambda m: m.admin_account_approve("12"), "POST", f"{A}/accounts/12/approve", [], {},
     rt.AdminAccount),
    (lambda m: m.admin_account_reject(12), "POST", f"{A}/accounts/12/reject", [], {},
     rt.AdminAccount),
    (lambda m: m.admin_account_unsilence(12), "POST", f"{A}/accounts/12/unsilence", [], {},
     rt.AdminAccount),
    (lambda m: m.admin_account_unsuspend(12), "POST", f"{A}/accounts/12/unsuspend", [], {},
     rt.AdminAccount),
    (lambda m: m.admin_account_unsensitive(12), "POST", f"{A}/accounts/12/unsensitive", [], {},
     rt.AdminAccount),
    (lambda m: m.admin_account_delete(12), "DELETE", f"{A}/accounts/12", [], {},
     rt.AdminAccount),
    (lambda m: m.admin_account_moderate(12), "POST", f"{A}/accounts/12/action",
     [("type", "none"), ("send_email_notification", "1")], {}, type(None)),
    (lambda m: m.admin_account_moderate(12, "suspend", report_id={"id": "3"},
                                        warning_preset_id=4, text="Bye",
                                        send_email_notification=False),
     "POST", f"{A}/accounts/12/action",
     [("type", "suspend"), ("report_id", "3"), ("warning_preset_id", "4"), ("text", "Bye"),
      ("send_email_notification", "0")], {}, type(None)),
    # reports
    (lambda m: m.admin_reports(), "GET", f"{A}/reports", [], [], PaginatableList),
    (lambda m: m.admin_reports(resolved=True, account_id=1, target_account_id={"id": 2},
                               limit=10, unresolved=False),
     "GET", f"{A}/reports",
     [("limit", "10"), ("resolved", "1"), ("unresolved", "0"), ("account_id", "1"),
      ("target_account_id", "2")], [], PaginatableList),
    (lambda m: m.admin_report(5), "GET", f"{A}/reports/5", [], {}, rt.AdminReport),
    (lambda m: m.admin_report_assign(5), "POST", f"{A}/reports/5/assign_to_self", [], {},
     rt.AdminReport),
    (lambda m: m.admin_report_unassign(5), "POST", f"{A}/reports/5/unassign", [], {},
     rt.AdminReport),
    (lambda m: m.admin_report_reopen(5), "POST", f"{A}/reports/5/reopen", [], {},
     rt.AdminReport),
    (lambda m: m.admin_report_resolve(5), "POST", f"{A}/reports/5/resolve", [], {},
     rt.AdminReport),
    # trends
    (lambda m: m.admin_trending_tags(), "GET", f"{A}/trends/tags", [], [], NonPaginatableList),
    (lambda m: m.admin_trending_tags(limit=4), "GET", f"{A}/trends/tags", [("limit", "4")], [],
     NonPaginatableList),
    (lambda m: m.admin_trending_statuses(), "GET", f"{A}/trends/statuses", [], [],
     NonPaginatableList),
    (lambda m: m.admin_trending_links(), "GET", f"{A}/trends/links", [], [], NonPaginatableList),
    (lambda m: m.admin_approve_trending_link(3), "POST", f"{A}/trends/links/3/approve", [], {},
     rt.PreviewCard),
    (lambda m: m.admin_reject_trending_link(3), "POST", f"{A}/trends/links/3/reject", [], {},
     rt.PreviewCard),
    (lambda m: m.admin_approve_trending_status(3), "POST", f"{A}/trends/statuses/3/approve", [],
     {}, rt.Status),
    (lambda m: m.admin_reject_trending_status(3), "POST", f"{A}/trends/statuses/3/reject", [],
     {}, rt.Status),
    (lambda m: m.admin_approve_trending_tag(3), "POST", f"{A}/trends/tags/3/approve", [], {},
     rt.Tag),
    (lambda m: m.admin_reject_trending_tag(3), "POST", f"{A}/trends/tags/3/reject", [], {},
     rt.Tag),
    # metrics
    (lambda m: m.admin_measures(START, END, active_users=True, interactions=True),
     "POST", f"{A}/measures",
     {"start_at": START.isoformat(), "end_at": END.isoformat(),
      "keys": ["active_users", "interactions"]}, [], NonPaginatableList),
    (lambda m: m.admin_measures(START, END, new_users=True, opened_reports=True,
                                resolved_reports=True, tag_accounts=1, tag_uses={"id": "2"},
                                tag_servers=3, instance_accounts="a.example",
                                instance_media_attachments="b.example",
                                instance_reports="c.example", instance_statuses="d.example",
                                instance_follows="e.example", instance_followers="f.example"),
     "POST", f"{A}/measures",
     {"start_at": START.isoformat(), "end_at": END.isoformat(),
      "keys": ["new_users", "opened_reports", "resolved_reports", "tag_accounts", "tag_uses",
               "tag_servers", "instance_accounts", "instance_media_attachments",
               "instance_reports", "instance_statuses", "instance_follows",
               "instance_followers"],
      "tag_accounts": {"id": "1"}, "tag_uses": {"id": "2"}, "tag_servers": {"id": "3"},
      "instance_accounts": {"domain": "a.example"},
      "instance_media_attachments": {"domain": "b.example"},
      "instance_reports": {"domain": "c.example"}, "instance_statuses": {"domain": "d.example"},
      "instance_follows": {"domain": "e.example"},
      "instance_followers": {"domain": "f.example"}},
     [], NonPaginatableList),
    (lambda m: m.admin_dimensions(START, END, limit=5, languages=True, sources=True,
                                  servers=True, space_usage=True, software_versions=True,
                                  tag_servers=7, tag_languages=8,
                                  instance_accounts="a.example",
                                  instance_languages="b.example"),
     "POST", f"{A}/dimensions",
     {"start_at": START.isoformat(), "end_at": END.isoformat(), "limit": 5,
      "keys": ["languages", "sources", "servers", "space_usage", "software_versions",
               "tag_servers", "tag_languages", "instance_accounts", "instance_languages"],
      "tag_servers": {"id": "7"}, "tag_languages": {"id": "8"},
      "instance_accounts": {"domain": "a.example"}, "instance_languages": {"domain": "b.example"}},
     [], NonPaginatableList),
    (lambda m: m.admin_retention(START, END), "POST", f"{A}/retention",
     [("start_at", START.isoformat()), ("end_at", END.isoformat()), ("frequency", "day")], [],
     NonPaginatableList),
    (lambda m: m.admin_retention(date(2024, 1, 1), date(2024, 6, 1), frequency="month"),
     "POST", f"{A}/retention",
     [("start_at", "2024-01-01"), ("end_at", "2024-06-01"), ("frequency", "month")], [],
     NonPaginatableList),
    # domain blocks (the collection routes keep upstream's trailing slash)
    (lambda m: m.admin_domain_blocks(), "GET", f"{A}/domain_blocks/", [], [], PaginatableList),
    (lambda m: m.admin_domain_blocks(limit=2, since_id=4), "GET", f"{A}/domain_blocks/",
     [("since_id", "4"), ("limit", "2")], [], PaginatableList),
    (lambda m: m.admin_domain_blocks(id=6), "GET", f"{A}/domain_blocks/6", [], {"id": "6"},
     rt.AdminDomainBlock),
    (lambda m: m.admin_create_domain_block("evil.example"), "POST", f"{A}/domain_blocks/",
     [("domain", "evil.example")], {}, rt.AdminDomainBlock),
    (lambda m: m.admin_create_domain_block("evil.example", "noop", True, False, "priv", "pub",
                                           True),
     "POST", f"{A}/domain_blocks/",
     [("severity", "noop"), ("reject_media", "1"), ("reject_reports", "0"),
      ("private_comment", "priv"), ("public_comment", "pub"), ("obfuscate", "1"),
      ("domain", "evil.example")], {}, rt.AdminDomainBlock),
    (lambda m: m.admin_update_domain_block(6, severity="silence", public_comment="x"),
     "PUT", f"{A}/domain_blocks/6", [("severity", "silence"), ("public_comment", "x")], {},
     rt.AdminDomainBlock),
    (lambda m: m.admin_delete_domain_block(6), "DELETE", f"{A}/domain_blocks/6", [], {},
     type(None)),
    # domain allows
    (lambda m: m.admin_domain_allows(limit=1), "GET", f"{A}/domain_allows", [("limit", "1")],
     [], PaginatableList),
    (lambda m: m.admin_domain_allow(2), "GET", f"{A}/domain_allows/2", [], {},
     rt.AdminDomainAllow),
    (lambda m: m.admin_create_domain_allow("good.example"), "POST", f"{A}/domain_allows",
     [("domain", "good.example")], {}, rt.AdminDomainAllow),
    (lambda m: m.admin_delete_domain_allow(2), "DELETE", f"{A}/domain_allows/2", [], {},
     type(None)),
    # e-mail domain blocks
    (lambda m: m.admin_email_domain_blocks(min_id=3), "GET", f"{A}/email_domain_blocks",
     [("min_id", "3")], [], PaginatableList),
    (lambda m: m.admin_email_domain_block(2), "GET", f"{A}/email_domain_blocks/2", [], {},
     rt.AdminEmailDomainBlock),
    (lambda m: m.admin_create_email_domain_block("spam.example"), "POST",
     f"{A}/email_domain_blocks", [("domain", "spam.example")], {}, rt.AdminEmailDomainBlock),
    (lambda m: m.admin_delete_email_domain_block(2), "DELETE", f"{A}/email_domain_blocks/2",
     [], {}, type(None)),
    # canonical e-mail blocks
    (lambda m: m.admin_canonical_email_blocks(), "GET", f"{A}/canonical_email_blocks", [], [],
     PaginatableList),
    (lambda m: m.admin_canonical_email_block(2), "GET", f"{A}/canonical_email_blocks/2", [], {},
     rt.AdminCanonicalEmailBlock),
    (lambda m: m.admin_create_canonical_email_block(email="a@b.example"), "POST",
     f"{A}/canonical_email_blocks", [("email", "a@b.example")], {},
     rt.AdminCanonicalEmailBlock),
    (lambda m: m.admin_create_canonical_email_block(canonical_email_hash="ab12"), "POST",
     f"{A}/canonical_email_blocks", [("canonical_email_hash", "ab12")], {},
     rt.AdminCanonicalEmailBlock),
    (lambda m: m.admin_delete_canonical_email_block(2), "DELETE",
     f"{A}/canonical_email_blocks/2", [], {}, rt.AdminCanonicalEmailBlock),
    (lambda m: m.admin_test_canonical_email_block("a@b.example"), "POST",
     f"{A}/canonical_email_blocks/test", [("email", "a@b.example")], [], NonPaginatableList),
    # IP blocks
    (lambda m: m.admin_ip_blocks(max_id=9), "GET", f"{A}/ip_blocks", [("max_id", "9")], [],
     PaginatableList),
    (lambda m: m.admin_ip_block(2), "GET", f"{A}/ip_blocks/2", [], {}, rt.AdminIpBlock),
    (lambda m: m.admin_create_ip_block("192.0.2.0/24", "sign_up_requires_approval"), "POST",
     f"{A}/ip_blocks", [("ip", "192.0.2.0/24"), ("severity", "sign_up_requires_approval")],
     {}, rt.AdminIpBlock),
    (lambda m: m.admin_create_ip_block("192.0.2.1", "no_access", comment="bot",
                                       expires_in=86400),
     "POST", f"{A}/ip_blocks",
     [("ip", "192.0.2.1"), ("severity", "no_access"), ("comment", "bot"),
      ("expires_in", "86400")], {}, rt.AdminIpBlock),
    (lambda m: m.admin_update_ip_block(2, severity="sign_up_block", expires_in=60), "PUT",
     f"{A}/ip_blocks/2", [("severity", "sign_up_block"), ("expires_in", "60")], {},
     rt.AdminIpBlock),
    (lambda m: m.admin_delete_ip_block(2), "DELETE", f"{A}/ip_blocks/2", [], {}, type(None)),
]


@pytest.mark.parametrize("call, verb, path, pairs, answer, result_type", SHAPES)
def test_request_shape(fake, call, verb, path, pairs, answer, result_type):
    fake.queue(json=answer)
    result = call(fake.api)
    assert len(fake.requests) == 1
    assert fake.calls == [(verb, path)]
    if isinstance(pairs, dict):  # a JSON body, as Mastodon.py sends it (measures, dimensions)
        sent = fake.last_json()
    else:
        sent = fake.last_query() if verb == "GET" else fake.last_form()
    if verb != "GET":
        assert fake.last_query() == []
    assert sent == pairs
    assert isinstance(result, result_type)


def test_every_admin_method_has_a_shape_test():
    import inspect
    from mastodon.admin import AdminMixin
    names = {name for name, _ in inspect.getmembers(AdminMixin, inspect.isfunction)
             if name.startswith("admin_")}
    assert len(names) == 52
    covered = set()
    for call, *_ in SHAPES:
        covered.update(n for n in names if f"m.{n}(" in inspect.getsource(call))
    assert names == covered


def test_ids_are_escaped_into_one_path_segment(fake):
    fake.queue(json={})
    fake.api.admin_account("../../statuses/1")
    assert fake.last.path_url == f"{A}/accounts/..%2F..%2Fstatuses%2F1"


def test_local_datetimes_are_sent_as_utc_iso(fake):
    fake.queue(json=[])
    berlin = timezone(timedelta(hours=2))
    fake.api.admin_retention(datetime(2024, 5, 1, 12, tzinfo=berlin),
                             datetime(2024, 5, 2, tzinfo=berlin))
    assert fake.last_form()[:2] == [("start_at", "2024-05-01T10:00:00+00:00"),
                                    ("end_at", "2024-05-01T22:00:00+00:00")]


def test_measures_and_dimensions_decode_to_entities(fake):
    fake.queue(json=[{"key": "active_users", "unit": None, "total": "12",
                      "data": [{"date": "2024-03-01T00:00:00Z", "value": "4"}]}])
    [measure] = fake.api.admin_measures(START, END, active_users=True)
    assert isinstance(measure, rt.AdminMeasure)
    assert measure.data[0].date == datetime(2024, 3, 1, tzinfo=timezone.utc)
    fake.queue(json=[{"key": "languages", "data": [{"key": "en", "human_key": "English",
                                                    "value": "3"}]}])
    [dimension] = fake.api.admin_dimensions(START, END, languages=True)
    assert dimension.data[0].human_key == "English"


@pytest.mark.parametrize("call, match", [
    (lambda m: m.admin_account_moderate(1, 5), "action"),
    (lambda m: m.admin_account_moderate(1, report_id=1.5), "report_id"),
    (lambda m: m.admin_account_moderate(1, send_email_notification=["yes"]),
     "send_email_notification"),
    (lambda m: m.admin_accounts_v1(status=["active"]), "moderation status"),
    (lambda m: m.admin_accounts_v1(status=None), "moderation status"),
    (lambda m: m.admin_accounts_v1(status="sleeping"), "moderation status"),
    (lambda m: m.admin_accounts_v2(origin="everywhere"), "Origin must be local or remote"),
    (lambda m: m.admin_accounts_v2(status="sleeping"), "Status must be"),
    (lambda m: m.admin_accounts_v2(permissions="root"), "Permissions must be staff"),
    (lambda m: m.admin_retention(START, END, frequency="week"), "Frequency must be day or month"),
    (lambda m: m.admin_measures(START, END), "at least one metric"),
    (lambda m: m.admin_dimensions(START, END, limit=3), "at least one dimension"),
    (lambda m: m.admin_accounts_v2(origin=1), "Origin"),
    (lambda m: m.admin_accounts_v2(status=True), "Status"),
    (lambda m: m.admin_accounts_v2(permissions=0), "Permissions"),
    (lambda m: m.admin_accounts_v2(username=5), "username"),
    (lambda m: m.admin_accounts_v2(limit="ten"), "limit"),
    (lambda m: m.admin_reports(resolved=["no"]), "resolved"),
    (lambda m: m.admin_create_domain_block("x.example", severity=2), "severity"),
    (lambda m: m.admin_create_domain_block(None), "domain"),
    (lambda m: m.admin_update_domain_block(1, reject_media=["yes"]), "reject_media"),
    (lambda m: m.admin_create_ip_block("1.2.3.4", 3), "severity"),
    (lambda m: m.admin_create_ip_block("1.2.3.4", None), "severity"),
    (lambda m: m.admin_create_ip_block("1.2.3.4", "no_access", expires_in="1d"), "expires_in"),
    (lambda m: m.admin_update_ip_block(1, severity=["sign_up_block"]), "severity"),
    (lambda m: m.admin_create_canonical_email_block(), "email"),
    (lambda m: m.admin_create_email_domain_block(["x"]), "domain"),
    (lambda m: m.admin_retention(START, END, frequency=7), "Frequency"),
    (lambda m: m.admin_retention("2024-01-01", END), "start_at"),
    (lambda m: m.admin_measures(START, None, active_users=True), "end_at"),
    (lambda m: m.admin_measures(START, END, active_users=["yes"]), "active_users"),
    (lambda m: m.admin_measures(START, END, tag_uses=[1]), "tag_uses"),
    (lambda m: m.admin_dimensions(START, END, instance_languages=3), "instance_languages"),
    (lambda m: m.admin_dimensions(START, END, limit="five"), "limit"),
    (lambda m: m.admin_account({"name": "x"}), "id"),
])
def test_bad_arguments_fail_before_sending(fake, call, match):
    with pytest.raises(MastodonIllegalArgumentError, match=match):
        call(fake.api)
    assert fake.requests == []


def test_role_refusal_carries_the_servers_message(fake):
    fake.queue(status=403, json={"error": "This action is not allowed"})
    with pytest.raises(MastodonAPIError) as info:
        fake.api.admin_account_approve(1)
    assert info.value.status_code == 403
    assert "This action is not allowed" in str(info.value)
    fake.queue(status=401, json={"error": "The access token is invalid"})
    with pytest.raises(MastodonUnauthorizedError, match="The access token is invalid"):
        fake.api.admin_reports()


def test_admin_accounts_forwards_to_v1(fake):
    fake.queue(json=[])
    fake.api.admin_accounts(remote=True, limit=2)
    assert fake.last_query() == [("limit", "2"), ("remote", "1"), ("active", "1")]


def test_module_docstring_warns_about_admin_tokens():
    import mastodon.admin
    doc = mastodon.admin.__doc__
    assert "extremely" in doc and "sensitive" in doc and "Revoke" in doc


def test_version_check_refuses_new_admin_calls_on_old_servers(fake):
    api = Mastodon(access_token="t", api_base_url="https://mastodon.example",
                   mastodon_version="3.4.0", version_check_mode="created",
                   session=fake.api.session)
    from mastodon.errors import MastodonVersionError
    with pytest.raises(MastodonVersionError, match="3.5.0"):
        api.admin_measures(START, END, active_users=True)
    assert fake.requests == []


# ---------------------------------------------------------------- behaviour on mastodon_mock

def _id_of(api, acct):
    return api._get("/api/v1/accounts/lookup", {"acct": acct}).id


def test_mock_account_listings_and_filters(admin_client):
    everyone = {a.username for a in admin_client.admin_accounts_v2()}
    assert {"alice", "bob", "carol", "root"} <= everyone
    assert [a.username for a in admin_client.admin_accounts_v2(permissions="staff")] == ["root"]
    assert [a.username for a in admin_client.admin_accounts_v2(username="ali")] == ["alice"]
    page = admin_client.admin_accounts_v2(limit=2)
    assert len(page) == 2 and all(isinstance(a, rt.AdminAccount) for a in page)
    rest = admin_client.fetch_next(page)
    assert rest and not {a.id for a in rest} & {a.id for a in page}
    assert [a.username for a in admin_client.admin_accounts_v1(staff_only=True)] == ["root"]
    bob = admin_client.admin_account(_id_of(admin_client, "bob"))
    assert bob.username == "bob" and bob.account.acct == "bob"


def test_mock_moderation_round_trip(admin_client):
    bob = _id_of(admin_client, "bob")
    assert admin_client.admin_account_moderate(bob, "silence", text="please behave") is None
    assert admin_client.admin_account(bob).silenced is True
    assert admin_client.admin_account_unsilence(bob).silenced is False
    admin_client.admin_account_moderate(bob, "sensitive", send_email_notification=False)
    assert admin_client.admin_account(bob).sensitized is True
    assert admin_client.admin_account_unsensitive(bob).sensitized is False
    admin_client.admin_account_moderate(bob, "disable")
    assert admin_client.admin_account(bob).disabled is True
    assert admin_client.admin_account_enable(bob).disabled is False
    admin_client.admin_account_moderate(bob, "suspend")
    assert admin_client.admin_account(bob).suspended is True
    assert admin_client.admin_account_unsuspend(bob).suspended is False
    admin_client.admin_account_moderate(bob, "suspend")
    deleted = admin_client.admin_account_delete(bob)
    assert isinstance(deleted, rt.AdminAccount)


def test_mock_reports_workflow(client, admin_client):
    alice = client("alice")
    carol = _id_of(alice, "carol")
    report = alice._post("/api/v1/reports", {"account_id": carol, "comment": "spam"})
    open_ids = [r.id for r in admin_client.admin_reports()]
    assert report.id in open_ids
    assert admin_client.admin_reports(resolved=True) == []
    assert admin_client.admin_report(report.id).comment == "spam"
    assert admin_client.admin_report_assign(report.id).assigned_account.username == "root"
    assert admin_client.admin_report_unassign(report.id).assigned_account is None
    assert admin_client.admin_report_resolve(report.id).action_taken is True
    assert [r.id for r in admin_client.admin_reports(resolved=True)] == [report.id]
    assert admin_client.admin_report_reopen(report.id).action_taken is False
    admin_client.admin_account_moderate(carol, "silence", report_id=report.id)
    assert admin_client.admin_report(report.id).action_taken is True
    assert admin_client.admin_account(carol).silenced is True


def test_mock_domain_blocks_crud(admin_client):
    block = admin_client.admin_create_domain_block("evil.example", severity="silence",
                                                   reject_media=True, public_comment="spam")
    assert (block.domain, block.severity, block.reject_media) == ("evil.example", "silence", True)
    assert [b.id for b in admin_client.admin_domain_blocks()] == [block.id]
    assert admin_client.admin_domain_blocks(block.id).public_comment == "spam"
    changed = admin_client.admin_update_domain_block(block, severity="suspend", obfuscate=True)
    assert (changed.severity, changed.obfuscate) == ("suspend", True)
    assert admin_client.admin_delete_domain_block(block) is None
    assert admin_client.admin_domain_blocks() == []


def test_mock_allow_and_email_blocks_crud(admin_client):
    allow = admin_client.admin_create_domain_allow("good.example")
    assert admin_client.admin_domain_allow(allow.id).domain == "good.example"
    assert [a.id for a in admin_client.admin_domain_allows()] == [allow.id]
    admin_client.admin_delete_domain_allow(allow.id)
    assert admin_client.admin_domain_allows() == []

    block = admin_client.admin_create_email_domain_block("spam.example")
    assert admin_client.admin_email_domain_block(block.id).domain == "spam.example"
    assert [b.id for b in admin_client.admin_email_domain_blocks()] == [block.id]
    admin_client.admin_delete_email_domain_block(block.id)
    assert admin_client.admin_email_domain_blocks() == []

    canonical = admin_client.admin_create_canonical_email_block(email="Some.One+x@gmail.com")
    assert len(canonical.canonical_email_hash) == 64
    assert admin_client.admin_canonical_email_block(canonical.id).id == canonical.id
    assert [b.id for b in admin_client.admin_canonical_email_blocks()] == [canonical.id]
    assert [b.id for b in admin_client.admin_test_canonical_email_block("someone@gmail.com")] \
        == [canonical.id]
    assert admin_client.admin_test_canonical_email_block("other@gmail.com") == []
    admin_client.admin_delete_canonical_email_block(canonical.id)
    assert admin_client.admin_canonical_email_blocks() == []


def test_mock_ip_blocks_crud(admin_client):
    block = admin_client.admin_create_ip_block("192.0.2.0/24", "sign_up_block", comment="bots",
                                               expires_in=3600)
    assert (block.ip, block.severity, block.comment) == ("192.0.2.0/24", "sign_up_block", "bots")
    assert isinstance(block.expires_at, datetime)
    assert admin_client.admin_ip_block(block.id).id == block.id
    assert admin_client.admin_update_ip_block(block.id, severity="no_access").severity \
        == "no_access"
    assert [b.id for b in admin_client.admin_ip_blocks()] == [block.id]
    admin_client.admin_delete_ip_block(block.id)
    assert admin_client.admin_ip_blocks() == []


def test_mock_metrics_and_trends(admin_client):
    now = datetime.now(timezone.utc)
    measures = admin_client.admin_measures(now - timedelta(days=7), now, active_users=True,
                                           new_users=True, tag_uses=1,
                                           instance_statuses="mastodon.example")
    assert [m.key for m in measures] == ["active_users", "new_users", "tag_uses",
                                         "instance_statuses"]
    assert all(isinstance(m, rt.AdminMeasure) for m in measures)
    dims = admin_client.admin_dimensions(now - timedelta(days=7), now, languages=True,
                                         software_versions=True, limit=3)
    assert [d.key for d in dims] == ["languages", "software_versions"]
    retention = admin_client.admin_retention(now - timedelta(days=60), now, frequency="month")
    assert isinstance(retention, NonPaginatableList)
    assert admin_client.admin_trending_tags(limit=5) == []
    assert admin_client.admin_trending_statuses() == []
    assert admin_client.admin_trending_links() == []


def test_mock_refusals_surface_the_servers_message(admin_client, mock):
    mock.fault({"match": {"path": "/api/v1/admin/accounts/*"},
                "effect": {"type": "status", "status": 403,
                           "body": {"error": "This action is not allowed"}},
                "count": 1})
    with pytest.raises(MastodonAPIError, match="This action is not allowed"):
        admin_client.admin_account_approve(_id_of(admin_client, "bob"))
    mock.fault({"match": {"path": "/api/v1/admin/reports"},
                "effect": {"type": "status", "status": 401}, "count": 1})
    with pytest.raises(MastodonUnauthorizedError):
        admin_client.admin_reports()


def test_mock_write_without_admin_write_scope_is_refused(mock_server_factory):
    server = mock_server_factory(extra_config="[auth]\nenforce_scopes = true\n")
    client_id, secret = Mastodon.create_app("reader", api_base_url=server.base_url,
                                            scopes=["read"])
    api = Mastodon(client_id=client_id, client_secret=secret, api_base_url=server.base_url)
    api.log_in(code="mockcode_root", scopes=["read"], allow_http=True)
    assert api.admin_ip_blocks() == []  # reading is within the granted scope
    with pytest.raises(MastodonAPIError, match="outside the authorized scopes") as info:
        api.admin_create_ip_block("192.0.2.1", "no_access")
    assert info.value.status_code == 403
