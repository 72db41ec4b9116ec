"""Annual reports ("Wrapstodon").

mastodon_mock never generates a report (the list is empty, a single year
404s, the state is always "ineligible"), so the shapes of real reports are
checked on the fake transport.
"""
import pytest

from mastodon.errors import MastodonIllegalArgumentError, MastodonNotFoundError
from mastodon.return_types import AnnualReportState, WrappedAnnualReports
from mastodon.types_base import EmptyResponse

WRAPPED = {"annual_reports": [{"year": 2024, "schema_version": 1, "data": {}}],
           "accounts": [{"id": "5", "acct": "bob"}], "statuses": []}


def test_annual_reports_shape(fake):
    fake.queue(json=WRAPPED)
    result = fake.api.annual_reports()
    assert fake.calls == [("GET", "/api/v1/annual_reports")]
    assert isinstance(result, WrappedAnnualReports)
    assert result.annual_reports[0].year == 2024 and result.accounts[0].acct == "bob"


@pytest.mark.parametrize("year", [2024, "2024"])
def test_annual_report_by_year(fake, year):
    fake.queue(json=WRAPPED)
    assert isinstance(fake.api.annual_report(year), WrappedAnnualReports)
    assert fake.calls == [("GET", "/api/v1/annual_reports/2024")]


def test_annual_report_state_generate_read(fake):
    fake.queue(json={"state": "eligible"})
    state = fake.api.annual_report_state(2025)
    assert isinstance(state, AnnualReportState) and state.state == "eligible"
    assert isinstance(fake.api.annual_report_generate(2025), EmptyResponse)
    assert fake.api.annual_report_read(2025) is None
    assert fake.calls == [("GET", "/api/v1/annual_reports/2025/state"),
                          ("POST", "/api/v1/annual_reports/2025/generate"),
                          ("POST", "/api/v1/annual_reports/2025/read")]
    assert fake.last_form() == []


@pytest.mark.parametrize("year", [None, "24/../1", "", 2024.0, True, "twenty"])
def test_annual_report_year_is_checked(fake, year):
    with pytest.raises(MastodonIllegalArgumentError, match="year"):
        fake.api.annual_report(year)
    assert fake.requests == []


def test_mock_annual_reports(client):
    alice = client("alice")
    assert alice.annual_reports().annual_reports == []
    assert alice.annual_report_state(2025).state == "ineligible"
    assert isinstance(alice.annual_report_generate(2025), EmptyResponse)
    assert alice.annual_report_read(2025) is None
    with pytest.raises(MastodonNotFoundError):
        alice.annual_report(2025)
