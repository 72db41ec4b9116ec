"""Media uploads and polls: multipart shapes, MIME detection, processing waits, mock behaviour."""
import io
import struct
import zlib

import pytest

from mastodon import media as media_module
from mastodon.errors import (
    MastodonAPIError, MastodonFileNotFoundError, MastodonIllegalArgumentError,
    MastodonVersionError,
)
from mastodon.return_types import MediaAttachment, Poll
from support.fake_transport import Canned

ATTACHMENT = {"id": "77", "type": "image", "url": "https://files.example/77.png",
              "description": "alt"}


@pytest.fixture
def fake(fake_at):
    """A client that believes the server runs the newest supported version."""
    return fake_at()


def png_bytes():
    """A valid 1x1 PNG."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def _parts(request):
    """Multipart parts of a request as {name: (filename, content type, bytes)}."""
    content_type = request.headers["Content-Type"]
    boundary = content_type.split("boundary=")[1].encode()
    parts = {}
    for chunk in request.body.split(b"--" + boundary)[1:-1]:
        head, _, body = chunk.strip(b"\r\n").partition(b"\r\n\r\n")
        headers = dict(line.split(b": ", 1) for line in head.split(b"\r\n"))
        disposition = headers[b"Content-Disposition"].decode()
        name = disposition.split('name="')[1].split('"')[0]
        filename = disposition.split('filename="')[1].split('"')[0] if "filename=" in disposition else None
        kind = headers.get(b"Content-Type", b"").decode() or None
        parts[name] = (filename, kind, body)
    return parts


# ---------------------------------------------------------------- media_post shapes (fake)

def test_media_post_from_path(fake, tmp_path):
    path = tmp_path / "picture.png"
    path.write_bytes(png_bytes())
    fake.queue(json=ATTACHMENT)
    result = fake.api.media_post(str(path), description="alt", focus=(0.25, -0.5))
    assert fake.calls == [("POST", "/api/v2/media")]
    parts = _parts(fake.last)
    assert parts["file"] == ("picture.png", "image/png", png_bytes())
    assert parts["description"][2] == b"alt" and parts["focus"][2] == b"0.25,-0.5"
    assert isinstance(result, MediaAttachment) and result.id == "77"


def test_media_post_from_bytes_and_file_object(fake):
    fake.api.media_post(b"GIF89a....", mime_type="image/gif", file_name="anim.gif")
    assert _parts(fake.last)["file"] == ("anim.gif", "image/gif", b"GIF89a....")
    fake.api.media_post(io.BytesIO(b"\x00\x01"), mime_type="audio/mpeg")
    filename, kind, body = _parts(fake.last)["file"]
    assert kind == "audio/mpeg" and body == b"\x00\x01" and filename


def test_media_post_sniffs_or_guesses_the_type(fake, tmp_path, monkeypatch):
    fake.api.media_post(png_bytes())  # python-magic is installed in the dev venv
    assert _parts(fake.last)["file"][1] == "image/png"
    monkeypatch.setattr("mastodon.compat.IMPL_HAS_MAGIC", False)
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"not really a video")
    fake.api.media_post(str(path))
    assert _parts(fake.last)["file"][1] == "video/mp4"
    with pytest.raises(MastodonIllegalArgumentError, match="MIME"):
        fake.api.media_post(b"raw data, no hints")


def test_media_post_missing_file(fake, tmp_path):
    missing = str(tmp_path / "nope.png")
    with pytest.raises(MastodonIllegalArgumentError) as caught:
        fake.api.media_post(missing)
    assert isinstance(caught.value, MastodonFileNotFoundError)
    assert "media_file" in str(caught.value)
    with pytest.raises(MastodonIllegalArgumentError, match="focus"):
        fake.api.media_post(b"x", mime_type="image/png", focus=("3", 0))
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.media_post(12345)
    assert fake.requests == []


def test_media_post_with_thumbnail(fake):
    fake.api.media_post(b"video", mime_type="video/mp4", thumbnail=png_bytes(),
                        thumbnail_mime_type="image/png")
    parts = _parts(fake.last)
    assert parts["file"][1] == "video/mp4" and parts["thumbnail"][1] == "image/png"


def test_media_post_old_servers(fake_at):
    old = fake_at("3.0.0", version_check_mode="created")
    old.api.media_post(b"x", mime_type="image/png")
    assert old.calls == [("POST", "/api/v1/media")]
    with pytest.raises(MastodonVersionError, match="3.2.0"):
        old.api.media_post(b"x", mime_type="video/mp4", thumbnail=b"y",
                           thumbnail_mime_type="image/png")
    assert len(old.requests) == 1


def test_media_post_synchronous_waits_for_processing(fake, monkeypatch):
    """The mock server never answers 202; the fake plays a server still processing."""
    monkeypatch.setattr(media_module, "MEDIA_POLL_INTERVAL", 0)
    fake.queue(status=202, json={**ATTACHMENT, "url": None})
    fake.queue(status=206, json={**ATTACHMENT, "url": None})
    fake.queue(json=ATTACHMENT)
    result = fake.api.media_post(b"video", mime_type="video/mp4", synchronous=True)
    assert fake.calls == [("POST", "/api/v2/media"), ("GET", "/api/v1/media/77"),
                          ("GET", "/api/v1/media/77")]
    assert result.url == ATTACHMENT["url"]


def test_media_post_asynchronous_returns_unprocessed(fake):
    fake.queue(status=202, json={**ATTACHMENT, "url": None})
    assert fake.api.media_post(b"v", mime_type="video/mp4").url is None
    assert len(fake.requests) == 1


def test_media_post_synchronous_gives_up(fake, monkeypatch):
    monkeypatch.setattr(media_module, "MEDIA_POLL_INTERVAL", 0)
    monkeypatch.setattr(media_module, "MEDIA_POLL_ATTEMPTS", 3)
    fake.default = lambda request: Canned.make(206, json={**ATTACHMENT, "url": None})
    with pytest.raises(MastodonAPIError, match="still being processed"):
        fake.api.media_post(b"v", mime_type="video/mp4", synchronous=True)
    assert len(fake.requests) == 4


def test_media_get_and_update(fake):
    fake.queue(json=ATTACHMENT)
    assert isinstance(fake.api.media({"id": "77"}), MediaAttachment)
    assert fake.calls[-1] == ("GET", "/api/v1/media/77")
    fake.api.media_update(77, focus=(3, 0))  # out of -1..1: the server's to refuse
    assert fake.last_form() == [("focus", "3,0")]
    fake.api.media_update(77, description="new", focus=(0, 1))
    assert fake.calls[-1] == ("PUT", "/api/v1/media/77")
    assert fake.last_form() == [("description", "new"), ("focus", "0,1")]
    fake.api.media_update(77, thumbnail=png_bytes(), thumbnail_mime_type="image/png")
    assert _parts(fake.last)["thumbnail"][1] == "image/png"


# ---------------------------------------------------------------- polls (fake)

def test_make_poll_builds_a_dict_locally(fake):
    poll = fake.api.make_poll(["a", "b", "c"], 600, multiple=True, hide_totals=True)
    assert dict(poll) == {"options": ["a", "b", "c"], "expires_in": 600, "multiple": True,
                          "hide_totals": True}
    assert fake.requests == []
    for bad in (dict(options="ab", expires_in=600), dict(options=["a", "b"], expires_in="1h"),
                dict(options=["a", 2], expires_in=60)):
        with pytest.raises(MastodonIllegalArgumentError):
            fake.api.make_poll(**bad)
    # how many options and how long: the server's limits
    assert fake.api.make_poll(["only"], expires_in=0) == {
        "options": ["only"], "expires_in": 0, "multiple": False, "hide_totals": False}


def test_poll_and_vote_shapes(fake):
    fake.queue(json={"id": "3", "options": [{"title": "a", "votes_count": 1}]})
    assert isinstance(fake.api.poll({"id": "3"}), Poll)
    assert fake.calls[-1] == ("GET", "/api/v1/polls/3")
    fake.api.poll_vote(3, [0, 2])
    assert fake.calls[-1] == ("POST", "/api/v1/polls/3/votes")
    assert fake.last_form() == [("choices[]", "0"), ("choices[]", "2")]
    fake.api.poll_vote(3, 1)
    assert fake.last_form() == [("choices[]", "1")]
    for bad in (["x"], [1.5], True):
        with pytest.raises(MastodonIllegalArgumentError):
            fake.api.poll_vote(3, bad)


# ---------------------------------------------------------------- behaviour (mock)

def test_media_upload_and_post_on_mock(client, tmp_path):
    alice = client("alice")
    path = tmp_path / "pixel.png"
    path.write_bytes(png_bytes())
    uploaded = alice.media_post(str(path), description="a pixel", synchronous=True)
    assert uploaded.type == "image" and uploaded.url and uploaded.description == "a pixel"
    assert alice.media(uploaded).id == uploaded.id
    assert alice.media_update(uploaded, description="one pixel").description == "one pixel"
    status = alice.status_post("look", media_ids=[uploaded])
    assert [m.id for m in status.media_attachments] == [uploaded.id]
    assert alice.session.get(uploaded.url).content == png_bytes()


def test_poll_on_mock(client):
    alice, bob = client("alice"), client("bob")
    status = alice.status_post("pick", poll=alice.make_poll(["red", "blue"], 3600))
    assert [o.title for o in status.poll.options] == ["red", "blue"]
    voted = bob.poll_vote(status.poll, 1)
    assert voted.voted is True and list(voted.own_votes) == [1]
    assert alice.poll(status.poll).votes_count == 1
