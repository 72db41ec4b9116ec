"""The profile API: request shapes on the fake transport, behaviour on the mock server,
and the form helper it shares with ``account_update_credentials``."""
import io

import pytest

from mastodon.errors import MastodonIllegalArgumentError, MastodonUploadFileNotFoundError
from mastodon.profile import profile_form
from mastodon.return_types import Profile

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff"
       b"\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")
PROFILE = {"id": "1", "display_name": "Alice", "note": "hi", "fields": [], "locked": False,
           "show_media": True, "attribution_domains": []}


def test_profile_read(fake):
    fake.queue(json=PROFILE)
    result = fake.api.profile()
    assert fake.calls == [("GET", "/api/v1/profile")]
    assert isinstance(result, Profile) and result.display_name == "Alice"


def test_profile_update_form(fake):
    fake.queue(json=PROFILE)
    result = fake.api.profile_update(
        display_name="Alice", note="bio", locked=False, bot=True, discoverable=True,
        hide_collections=True, indexable=False, show_media=False, show_media_replies=True,
        show_featured=False, attribution_domains="alice.example",
        fields=[("Web", "https://alice.example")], avatar_description="me",
        header_description="sky")
    assert isinstance(result, Profile)
    assert fake.calls == [("PATCH", "/api/v1/profile")]
    assert sorted(fake.last_form()) == sorted([
        ("display_name", "Alice"), ("note", "bio"), ("locked", "0"), ("bot", "1"),
        ("discoverable", "1"), ("hide_collections", "1"), ("indexable", "0"),
        ("show_media", "0"), ("show_media_replies", "1"), ("show_featured", "0"),
        ("attribution_domains[]", "alice.example"),
        ("fields_attributes[0][name]", "Web"), ("fields_attributes[0][value]", "https://alice.example"),
        ("avatar_description", "me"), ("header_description", "sky")])


def test_profile_update_uploads_images(fake, tmp_path):
    path = tmp_path / "face.png"
    path.write_bytes(PNG)
    fake.api.profile_update(avatar=path, header=io.BytesIO(PNG), header_mime_type="image/png")
    assert fake.last.headers["Content-Type"].startswith("multipart/form-data")
    body = fake.last.body
    assert b'name="avatar"; filename="face.png"' in body and b"Content-Type: image/png" in body
    assert b'name="header"' in body and body.count(PNG) == 2


def test_profile_update_checks_before_sending(fake, tmp_path):
    with pytest.raises(MastodonUploadFileNotFoundError):
        fake.api.profile_update(avatar=str(tmp_path / "missing.png"))
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.profile_update(show_media=["no"])
    with pytest.raises(MastodonIllegalArgumentError):
        fake.api.profile_update(fields=[("a", "b", "c")])
    assert fake.requests == []
    fake.api.profile_update(fields=[("a", "b")] * 5)  # how many: the server's limit
    assert len(fake.requests) == 1


def test_profile_form_helper():
    form, files = profile_form(fields=None, avatar=None, avatar_mime_type=None, header=None,
                               header_mime_type=None, note=None, bot=True,
                               default_privacy="private")
    assert form == {"note": None, "bot": True, "source[privacy]": "private"} and files is None
    form, files = profile_form(fields=[], avatar=b"GIF89a....", avatar_mime_type="image/gif",
                               header=None, header_mime_type=None)
    assert form == {"fields_attributes[0][name]": "", "fields_attributes[0][value]": ""}
    assert files["avatar"][2] == "image/gif"
    form, _ = profile_form(fields=None, avatar=None, avatar_mime_type=None, header=None,
                           header_mime_type=None, default_privacy="direct-only")
    assert form == {"source[privacy]": "direct-only"}  # unknown values go to the server
    with pytest.raises(MastodonIllegalArgumentError):
        profile_form(fields=None, avatar=None, avatar_mime_type=None, header=None,
                     header_mime_type=None, default_privacy=1)


# ---------------------------------------------------------------- behaviour (mock server)

def test_mock_profile_roundtrip(client):
    alice = client("alice")
    before = alice.profile()
    assert isinstance(before, Profile) and before.id == alice.me().id
    after = alice.profile_update(display_name="Alice Profile", note="plain note",
                                 fields=[("Pronouns", "she/her")], avatar=PNG,
                                 avatar_mime_type="image/png")
    assert after.display_name == "Alice Profile"
    assert [(f.name, f.value) for f in after.fields] == [("Pronouns", "she/her")]
    assert alice.me().display_name == "Alice Profile"
    assert alice.profile().avatar
