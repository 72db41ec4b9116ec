"""Async refreshes (Mastodon 4.4+). The mock server never runs refresh jobs and sends no
``Mastodon-Async-Refresh`` header, so the header side is played by the fake transport."""
import pytest

from mastodon._core.asyncrefresh import parse_async_refresh_header
from mastodon.errors import MastodonIllegalArgumentError
from mastodon.return_types import AsyncRefresh, Context
from mastodon.types_base import Entity
from support.fake_transport import Canned, FakeMastodon

HEADER = {"Mastodon-Async-Refresh": 'id="ctx-11", retry=3, result_count=2'}
CONTEXT = {"ancestors": [], "descendants": [{"id": "12"}]}


@pytest.fixture
def fake():
    helper = FakeMastodon(mastodon_version="4.7.3")
    yield helper
    helper.close()


@pytest.fixture
def no_sleep(monkeypatch):
    slept = []
    monkeypatch.setattr("mastodon.async_refresh.time.sleep", slept.append)
    return slept


def test_header_parsing():
    assert parse_async_refresh_header('id="a=b", retry=3, result_count=2') == {
        "id": "a=b", "retry": 3, "result_count": 2}
    assert parse_async_refresh_header('id="x"') == {"id": "x", "retry": 5, "result_count": None}
    assert parse_async_refresh_header("retry=3") is None


def test_context_carries_refresh_info(fake):
    fake.queue(json=CONTEXT, headers=HEADER)
    context = fake.api.status_context(11)
    assert isinstance(context, Context)
    refresh, retry = fake.api.get_async_refresh_info(context)
    assert isinstance(refresh, AsyncRefresh)
    assert (refresh.id, refresh.status, refresh.result_count, retry) == ("ctx-11", "running", 2, 3)
    restored = Entity.from_json(context.to_json())
    assert fake.api.get_async_refresh_info(restored)[0].id == "ctx-11"


def test_results_without_header_have_no_refresh(fake):
    fake.queue(json=CONTEXT)
    context = fake.api.status_context(11)
    assert fake.api.get_async_refresh_info(context) is None
    assert fake.api.await_async_refresh(context) is None
    assert len(fake.requests) == 1
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.get_async_refresh_status(context)


def test_get_async_refresh_status(fake):
    fake.queue(json=CONTEXT, headers=HEADER)
    context = fake.api.status_context(11)
    fake.queue(json={"async_refresh": {"id": "ctx-11", "status": "finished", "result_count": 4}})
    status = fake.api.get_async_refresh_status(context)
    assert fake.calls[-1] == ("GET", "/api/v1_alpha/async_refreshes/ctx-11")
    assert isinstance(status, AsyncRefresh) and status.status == "finished"
    fake.queue(json={"async_refresh": {"id": "a/b", "status": "running"}})
    fake.api.get_async_refresh_status("a/b")
    assert fake.last.path_url == "/api/v1_alpha/async_refreshes/a%2Fb"
    fake.api.get_async_refresh_status(status)
    assert fake.calls[-1] == ("GET", "/api/v1_alpha/async_refreshes/ctx-11")


def test_await_async_refresh_polls_then_repeats_the_request(fake, no_sleep):
    fake.queue(json=CONTEXT, headers=HEADER)
    context = fake.api.status_context(11)
    fake.queue(json={"async_refresh": {"id": "ctx-11", "status": "running"}})
    fake.queue(json={"async_refresh": {"id": "ctx-11", "status": "finished"}})
    fake.queue(json={"ancestors": [], "descendants": [{"id": "12"}, {"id": "13"}]})
    fresh = fake.api.await_async_refresh(context)
    assert fake.calls[1:] == [("GET", "/api/v1_alpha/async_refreshes/ctx-11")] * 2 + [
        ("GET", "/api/v1/statuses/11/context")]
    assert no_sleep == [3]
    assert isinstance(fresh, Context) and len(fresh.descendants) == 2
    assert fake.api.get_async_refresh_info(fresh) is None


def test_await_async_refresh_gives_up(fake, no_sleep):
    fake.queue(json=CONTEXT, headers=HEADER)
    context = fake.api.status_context(11)
    fake.default = Canned.make(json={"async_refresh": {"id": "ctx-11", "status": "running"}})
    assert fake.api.await_async_refresh(context, max_attempts=3) is None
    assert len(fake.requests) == 4 and no_sleep == [3, 3]
    assert fake.api.await_async_refresh(context, timeout=1.0) is None
    assert len(fake.requests) == 5


def test_async_refresh_status_on_mock(client):
    alice = client("alice")
    assert alice.get_async_refresh_status("anything").status == "finished"
    context = alice.status_context(alice.status_post("no refresh here"))
    assert alice.get_async_refresh_info(context) is None
