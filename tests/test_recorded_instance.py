"""Recorded Mastodon.py traffic, replayed: instance information, server health and
time, trends, suggestions, emoji, preferences and the directory
(see support/vcr_replay.py)."""
from datetime import datetime

import pytest

from mastodon.errors import MastodonDeprecationWarning, MastodonNotFoundError
from support.vcr_replay import Replay


def test_instance():
    with Replay("test_instance") as rec:
        instance = rec.api().instance()
    assert instance.domain == "localhost:3000" and instance.version == "4.6.4"
    assert instance.configuration.statuses.max_characters == (
        rec.answer(0)["configuration"]["statuses"]["max_characters"])


def test_instance_v1():
    with Replay("test_instance_v1") as rec:
        with pytest.warns(MastodonDeprecationWarning):
            instance = rec.api().instance_v1()
    assert instance.uri == "localhost:3000"
    assert instance.urls.streaming_api == "ws://localhost:4000"
    assert instance.stats.user_count == 4


def test_instance_activity():
    with Replay("test_instance_activity") as rec:
        weeks = rec.api().instance_activity()
    assert len(weeks) == len(rec.answer(0))
    assert isinstance(weeks[0].week, datetime)
    assert int(weeks[0].statuses) == 18 and int(weeks[0].logins) == 4


def test_instance_domain_blocks():
    with Replay("test_instance_domain_blocks") as rec:
        with pytest.raises(MastodonNotFoundError):
            rec.api().instance_domain_blocks()


def test_instance_extended_description():
    with Replay("test_instance_extended_description") as rec:
        description = rec.api().instance_extended_description()
    assert description.content == "" and description.updated_at is None


def test_instance_languages():
    with Replay("test_instance_languages") as rec:
        api = rec.api()
        languages = api.instance_languages()
        assert api.instance_languages() == languages
    assert (languages[0].code, languages[0].name) == ("aa", "Afar")
    assert len(languages) == len(rec.answer(0))


def test_instance_peers():
    with Replay("test_instance_peers") as rec:
        api = rec.api()
        peers = [api.instance_peers() for _ in range(3)]
    assert peers == [["chitter.xyz"]] * 3


def test_instance_rules():
    with Replay("test_instance_rules") as rec:
        assert list(rec.api().instance_rules()) == []


def test_health():
    with Replay("test_health") as rec:
        assert rec.api().instance_health() is True


def test_nodeinfo():
    with Replay("test_nodeinfo") as rec:
        nodeinfo = rec.api().instance_nodeinfo()
    assert nodeinfo.version == "2.0" and nodeinfo.software.name == "mastodon"
    assert nodeinfo.usage.users.total == 4


def test_server_time():
    with Replay("test_server_time") as rec:
        api = rec.api()
        times = [api.get_approx_server_time() for _ in range(3)]
    recorded = rec.interactions[0]["response"]["headers"]
    date_header = next(value for key, value in recorded.items() if key.lower() == "date")
    assert all(isinstance(moment, datetime) for moment in times)
    assert times[0].year == int(date_header[0].split()[3])


def test_translation_languages():
    with Replay("test_translation_languages") as rec:
        assert rec.api().instance_translation_languages() == {}


def test_emoji():
    with Replay("test_emoji") as rec:
        assert list(rec.api().custom_emojis()) == []


@pytest.mark.parametrize("kind", ["links", "statuses", "tags"])
def test_trending(kind):
    with Replay(f"test_trending_{kind}") as rec:
        api = rec.api()
        results = [getattr(api, f"trending_{kind}")() for _ in range(len(rec.interactions))]
    assert all(list(result) == [] for result in results)


def test_follow_suggestions():
    with Replay("test_follow_suggestions") as rec:
        api = rec.api(2)
        assert list(api.suggestions()) == []
        assert list(api.suggestions_v2()) == []
        with pytest.warns(MastodonDeprecationWarning):
            assert list(api.suggestions_v1()) == []


def test_preferences():
    with Replay("test_preferences") as rec:
        preferences = rec.api().preferences()
    assert preferences["posting:default:visibility"] == "unlisted"
    assert preferences["posting:default:sensitive"] is True
    assert preferences["posting:default:language"] == "en"


def test_directory():
    with Replay("test_directory") as rec:
        accounts = rec.api().directory()
    assert accounts[0].username == "mastodonpy_test_2"
    assert [account.id for account in accounts] == [entry["id"] for entry in rec.answer(0)]
