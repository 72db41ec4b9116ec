"""Server versions against local servers that answer like Mastodon, glitch-soc,
Pleroma, Akkoma and GoToSocial: which endpoints the client picks, what the
version checks refuse, how unusable versions are reported, and that the
instance answers are kept until clear_caches() (as with Mastodon.py)."""
import logging
import threading

import pytest

from mastodon import Mastodon
from mastodon.errors import (
    MastodonNotFoundError, MastodonVersionError,
)
from mastodon.return_types import Instance, InstanceV2, SearchV2
from support.fediverse_server import FediverseServer

VIDEO = b"\x00\x00\x00\x18ftypmp42"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def serve(request):
    """Factory: ``serve(flavour, version=None)`` starts a FediverseServer for this test."""
    def start(flavour, version=None):
        server = FediverseServer(flavour, version).start()
        request.addfinalizer(server.stop)
        return server
    return start


@pytest.fixture
def connect(request):
    """Factory: ``connect(server, **options)`` is a client of a local server."""
    def make(server, **options):
        api = Mastodon(api_base_url=server.url, access_token="token", **options)
        request.addfinalizer(api.close)
        return api
    return make


def probes(server):
    return [path for path in server.paths() if path.startswith("/api/v") and "instance" in path]


# ---------------------------------------------------------------- instance(): v2 from 4.0.0

PROBE = ["/api/v1/instance/", "/api/v2/instance/"]  # the version lookup, as Mastodon.py asks


@pytest.mark.parametrize("flavour,entity,document", [
    ("mastodon", InstanceV2, "/api/v2/instance/"),
    ("glitch-soc", InstanceV2, "/api/v2/instance/"),
    ("gotosocial", InstanceV2, "/api/v2/instance/"),  # version unknown: as for the newest
    ("pleroma", Instance, "/api/v1/instance/"),  # 2.7.2 (compatible; ...)
    ("akkoma", Instance, "/api/v1/instance/"),
])
def test_instance_picks_the_document_by_the_version_the_probe_learnt(
        serve, connect, flavour, entity, document):
    server = serve(flavour)
    info = connect(server).instance()
    assert isinstance(info, entity) and info.version
    assert server.paths() == PROBE + [document]


def test_instance_asks_again_for_its_document_but_not_for_the_version(serve, connect):
    server = serve("gotosocial")
    api = connect(server)
    api.instance()
    info = api.instance()
    assert isinstance(info, InstanceV2)
    assert info.source_url.endswith("/gotosocial")
    assert server.paths() == PROBE + ["/api/v2/instance/", "/api/v2/instance/"]


# ---------------------------------------------------------------- "none": no local gates

def test_gotosocial_gets_every_call_without_version_checks(serve, connect, caplog):
    server = serve("gotosocial")
    api = connect(server)
    with caplog.at_level(logging.WARNING, logger="mastodon"):
        found = api.search_v2("dana", result_type="accounts")
        assert isinstance(found, SearchV2) and found.accounts[0].acct == "dana"
        assert ("type", "accounts") in server.query()
        assert isinstance(api.search("dana", result_type="accounts", following=True), SearchV2)
        api.media_post(VIDEO, mime_type="video/mp4", thumbnail=PNG,
                       thumbnail_mime_type="image/png")
        api.media_update("77", thumbnail=PNG, thumbnail_mime_type="image/png")
    assert server.paths()[-2] == "/api/v2/media"
    assert b'name="thumbnail"' in server.requests[-2][2]
    assert probes(server) == PROBE  # asked once, then remembered
    warnings = [r.getMessage() for r in caplog.records if r.name == "mastodon"]
    assert len(warnings) == 1 and "0.15.0+git-15733cd" in warnings[0]
    assert "1.0.0" not in warnings[0]


def test_gotosocial_version_is_reported_without_build_metadata(serve, connect):
    server = serve("gotosocial")
    api = connect(server)
    assert api.retrieve_mastodon_version() == "0.15.0"  # as Mastodon.py returns it
    assert api.verify_minimum_version("4.0.0", cached=True)  # unknown: nothing ruled out


@pytest.mark.parametrize("version", ["banana", ""], ids=["unparseable", "missing"])
@pytest.mark.parametrize("mode", ["none", "created", "changed"])
def test_unusable_versions_are_warned_about_once_and_let_calls_through(
        serve, connect, caplog, version, mode):
    server = serve("mastodon", version)
    with caplog.at_level(logging.WARNING, logger="mastodon"):
        api = connect(server, version_check_mode=mode)
        for _ in range(3):
            assert isinstance(api.search_v2("dana", result_type="accounts"), SearchV2)
        with pytest.raises(MastodonNotFoundError):
            api.accounts(["1"])  # 4.3.0+, sent: the server decides
    assert probes(server) == PROBE
    messages = [r.getMessage() for r in caplog.records if r.name == "mastodon"]
    assert len(messages) == 1
    assert ("'banana'" if version else "no version") in messages[0]
    assert "1.0.0" not in messages[0]


@pytest.mark.parametrize("version", ["banana", ""])
def test_unusable_version_with_fail_hard_raises(serve, connect, version):
    api = connect(serve("mastodon", version))
    with pytest.raises(MastodonVersionError, match="version"):
        api.retrieve_mastodon_version(fail_hard=True)
    assert api.retrieve_mastodon_version() == "1.0.0"  # Mastodon.py's fallback value


def test_pleroma_and_akkoma_get_v2_search_and_v1_media(serve, connect):
    for flavour in ("pleroma", "akkoma"):
        server = serve(flavour)
        api = connect(server)
        api.search("dana", result_type="accounts")
        api.media_post(PNG, mime_type="image/png")
        assert server.paths()[-4:] == PROBE + ["/api/v2/search", "/api/v1/media"]
        assert (api.mastodon_major, api.mastodon_minor, api.mastodon_patch) == (2, 7, 2)


# ---------------------------------------------------------------- "created" and "changed"

def test_changed_mode_says_what_changed(serve, connect):
    server = serve("glitch-soc")
    api = connect(server, version_check_mode="changed")
    with pytest.raises(MastodonVersionError) as caught:
        api.status_post("hello")
    assert str(caught.value).startswith("status_post changed in 4.6.0; this server runs 4.2.8")
    with pytest.raises(MastodonVersionError, match=r"accounts\(\) needs Mastodon 4.3.0 or "
                                                   r"newer; this server runs 4.2.8"):
        api.accounts(["1"])
    assert "/api/v1/statuses" not in server.paths()


def test_created_mode_lets_changed_methods_through(serve, connect):
    server = serve("glitch-soc")
    api = connect(server, version_check_mode="created")
    assert api.status_post("hello").content == "hello"
    with pytest.raises(MastodonVersionError, match="needs Mastodon 4.3.0"):
        api.accounts(["1"])


def test_version_checks_refuse_parameters_of_newer_servers(serve, connect):
    server = serve("mastodon", "2.5.0")
    api = connect(server, version_check_mode="created")
    with pytest.raises(MastodonVersionError, match="media thumbnails needs Mastodon 3.2.0 or "
                                                   "newer; this server runs 2.5.0"):
        api.media_post(VIDEO, mime_type="video/mp4", thumbnail=PNG,
                       thumbnail_mime_type="image/png")
    with pytest.raises(MastodonVersionError, match="search_v2: type needs Mastodon 2.8.0"):
        api.search_v2("dana", result_type="accounts")
    assert not any(path.endswith(("/media", "/search")) for path in server.paths())


# ---------------------------------------------------------------- Akkoma's local visibility

def test_akkoma_local_visibility_with_the_pleroma_feature_set(serve, connect):
    server = serve("akkoma")
    api = connect(server, feature_set="pleroma")
    assert api.status_post("only here", visibility="local").visibility == "local"
    assert server.sent()["visibility"] == "local"
    # without the feature set it is refused before sending, as Mastodon.py refuses it
    with pytest.raises(ValueError, match="Invalid visibility value"):
        connect(server).status_post("only here too", visibility="local")
    assert server.sent()["status"] == "only here"


# ---------------------------------------------------------------- kept until clear_caches()
# (These replace the earlier rule that a version lookup always asks again.)

def test_the_version_lookup_is_kept_until_clear_caches(serve, connect):
    server = serve("mastodon")
    api = connect(server)
    assert api.retrieve_mastodon_version() == "4.2.8"
    server.version = "4.3.0"
    assert api.retrieve_mastodon_version() == "4.2.8"
    assert not api.verify_minimum_version("4.3.0")  # not cached, yet nothing is sent
    assert probes(server) == PROBE
    api.clear_caches()
    assert api.verify_minimum_version("4.3.0", cached=True)
    assert (api.mastodon_major, api.mastodon_minor) == (4, 3)
    assert probes(server) == PROBE + PROBE


def test_a_long_running_bot_notices_an_upgrade_after_clear_caches(serve, connect):
    server = serve("mastodon")
    bot = connect(server, version_check_mode="created")
    with pytest.raises(MastodonVersionError, match="runs 4.2.8"):
        bot.accounts(["1"])
    server.version = "4.3.0"
    bot.clear_caches()
    with pytest.raises(MastodonVersionError, match="runs 4.2.8"):
        bot.accounts(["1"])  # the gate compares with what is known; it asks nothing
    assert bot.retrieve_mastodon_version() == "4.3.0"
    with pytest.raises(MastodonNotFoundError):  # sent: this local server has no such route
        bot.accounts(["1"])
    assert server.paths()[-1] == "/api/v1/accounts"


def test_a_version_given_to_the_constructor_is_used_until_clear_caches(serve, connect):
    server = serve("mastodon", "4.3.0")
    api = connect(server, mastodon_version="4.2.0")
    assert not api.verify_minimum_version("4.3.0", cached=True)
    assert server.paths() == []
    api.clear_caches()
    assert api.verify_minimum_version("4.3.0", cached=True)  # now the server is asked
    assert probes(server) == PROBE


def test_threads_checking_at_once_share_one_lookup(serve, connect):
    server = serve("mastodon")
    api = connect(server)
    start = threading.Barrier(8)
    answers = []

    def check():
        start.wait(timeout=60)
        answers.append(api.verify_minimum_version("4.0.0"))

    threads = [threading.Thread(target=check) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert answers == [True] * 8
    assert probes(server) == PROBE  # one v1 and one v2 request for all of them
