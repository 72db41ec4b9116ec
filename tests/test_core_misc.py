"""Block list, credential files, logging redaction and version helpers."""
import logging
import os
import stat

import pytest

from mastodon import Mastodon
from mastodon._core.blocklist import BLOCKED_DIGESTS, host_digest, refuse_blocked
from mastodon._core.credentials import read_lines, write_secret_file
from mastodon._core.debuglog import redact_headers, redact_text
from mastodon.errors import MastodonNetworkError, MastodonVersionError
from mastodon.versions import max_version, parse_version_string


def test_blocklist_matches_by_digest_of_last_two_labels(monkeypatch):
    import mastodon._core.blocklist as bl

    monkeypatch.setattr(bl, "BLOCKED_DIGESTS", BLOCKED_DIGESTS | {host_digest("evil.example")})
    with pytest.raises(MastodonNetworkError, match="block list"):
        bl.refuse_blocked("https://sub.evil.example/api/v1/statuses")
    bl.refuse_blocked("https://evil.example.org/api")  # other last two labels: allowed


def test_blocklist_has_the_three_documented_digests():
    assert len(BLOCKED_DIGESTS) == 3
    refuse_blocked("https://mastodon.social/api/v1/instance")


def test_secret_files_are_0600_even_with_permissive_umask(tmp_path):
    old = os.umask(0)
    try:
        path = tmp_path / "cred.secret"
        write_secret_file(str(path), ["token", "https://m.example", None, "secret"])
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert read_lines(str(path), 4) == ["token", "https://m.example", None, "secret"]
    assert [p.name for p in tmp_path.iterdir()] == ["cred.secret"]  # no temp file left


def test_redaction_of_text_and_headers():
    text = redact_text('{"access_token":"abc","x":1} client_secret=s3&password=pw&ok=1')
    assert "abc" not in text and "s3" not in text and "pw" not in text
    assert "ok=1" in text and '"x":1' in text
    assert redact_headers({"Authorization": "Bearer abc", "Accept": "*/*"}) == {
        "Authorization": "<redacted>", "Accept": "*/*"}


@pytest.mark.parametrize("text, parsed", [
    ("4.2.1", (4, 2, 1)), ("4.3.0-beta.1", (4, 3, 0)), ("3.5.3+glitch", (3, 5, 3)),
    ("2.7.2 (compatible; Pleroma 2.0.50)", (2, 7, 2)), ("4..0", (4, 0, 0)), ("4", (4, 0, 0)),
])
def test_parse_version_string(text, parsed):
    assert parse_version_string(text) == parsed


@pytest.mark.parametrize("bad", ["", "banana", None])
def test_unparseable_versions_raise_version_error(bad):
    with pytest.raises(MastodonVersionError):
        parse_version_string(bad)


def test_max_version():
    assert max_version("1.0.0", "4.2.0", "", "3.5.3") == "4.2.0"


def test_library_never_prints(capsys):
    api = Mastodon(access_token="tok", api_base_url="https://m.example", debug_requests=True)
    assert repr(api) == "<Mastodon client for https://m.example>"
    assert capsys.readouterr() == ("", "")
    assert any(isinstance(h, logging.NullHandler) for h in logging.getLogger("mastodon").handlers)
