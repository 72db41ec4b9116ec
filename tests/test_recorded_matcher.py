"""The matcher that replays recorded traffic (support/vcr_match.py) follows the
README's rules: equal as data, never looser."""
import json

import pytest
from vcr.request import Request

from support.vcr_match import match_as_data, match_auth, match_field_names, request_differences

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
JSON = {"Content-Type": "application/json"}
URL = "http://localhost:3000/api/v1/statuses"


def _form(body, uri=URL, method="POST", headers=FORM):
    return Request(method, uri, body, dict(headers))


def _multipart(fields, boundary="b0undary"):
    chunks = []
    for name, value, filename in fields:
        disposition = f'form-data; name="{name}"'
        extra = ""
        if filename:
            disposition += f'; filename="{filename}"'
            extra = "Content-Type: image/jpeg\r\n"
        chunks.append(f"--{boundary}\r\nContent-Disposition: {disposition}\r\n{extra}\r\n{value}\r\n")
    body = ("".join(chunks) + f"--{boundary}--\r\n").encode()
    return Request("PATCH", URL, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})


@pytest.mark.parametrize("sent, recorded", [
    (_form("a[]=1&a[]=2"), _form("a=1&a=2")),
    (_form(json.dumps({"a": [1, 2]}), headers=JSON), _form("a%5B%5D=1&a%5B%5D=2")),
    (_form("b=x&a=1"), _form("a=1&b=x")),
    (_form("flag=true&off=false"), _form("flag=1&off=0")),
    (_form(json.dumps({"flag": True, "n": 3}), headers=JSON), _form("flag=1&n=3")),
    (_form("source%5Bprivacy%5D=unlisted"),
     _form(json.dumps({"source": {"privacy": "unlisted"}}), headers=JSON)),
    (_form("f%5B0%5D%5Bname%5D=a&f%5B1%5D%5Bname%5D=b"),
     _form(json.dumps({"f": [{"name": "a"}, {"name": "b"}]}), headers=JSON)),
    (_form("at=2024-01-01T12:00:00%2B02:00"), _form("at=2024-01-01T10:00:00Z")),
    (_form(None, uri=URL + "?id=5", method="GET"), _form(None, uri=URL + "?id%5B%5D=5", method="GET")),
    (_form(None, uri=URL + "?b=2&a=1", method="GET"), _form(None, uri=URL + "?a=1&b=2", method="GET")),
    (_multipart([("note", "hi", None), ("avatar", "JPEG", "a.jpg")]),
     _multipart([("avatar", "JPEG", "random_name.jpg"), ("note", "hi", None)], boundary="other")),
])
def test_requests_equal_as_data_match(sent, recorded):
    assert request_differences(sent, recorded) == []
    match_as_data(sent, recorded)


@pytest.mark.parametrize("sent, recorded, why", [
    (_form("status=hi&sensitive=0"), _form("status=hi"), "sensitive: sent"),
    (_form("status=hi"), _form("status=hi&visibility=direct"), "visibility: recorded"),
    (_form(None, uri=URL + "?q=a&resolve=0", method="GET"),
     _form(None, uri=URL + "?q=a", method="GET"), "query resolve"),
    (_form(None, uri=URL + "?q=a", method="GET"),
     _form(None, uri=URL + "?q=a&following=0", method="GET"), "query following"),
    (_form("flag=1"), _form("flag=0"), "flag"),
    (_form("a=1&a=2"), _form("a=2&a=1"), "a"),
    (_form("a=1"), _form("a=1", method="PUT"), "method"),
    (_form("a=1", uri=URL + "/1"), _form("a=1"), "path"),
    (_form("at=2024-01-01T12:00:00Z"), _form("at=2024-01-01T12:00:01Z"), "at"),
    (_form(None, uri=URL + "?id=1", method="GET"),
     _form(json.dumps({"id": ["1"]}), method="GET", headers=JSON), "body id"),
    (_multipart([("note", "hi", None), ("avatar", "JPEG", "a.jpg")]),
     _multipart([("note", "hi", None), ("avatar", "PNG!", "a.jpg")]), "avatar"),
    (_multipart([("note", "hi", None)]),
     _multipart([("note", "hi", None), ("header", "JPEG", "h.jpg")]), "header"),
])
def test_an_extra_missing_or_different_parameter_is_a_mismatch(sent, recorded, why):
    found = request_differences(sent, recorded)
    assert any(why in item for item in found), found
    with pytest.raises(AssertionError):
        match_as_data(sent, recorded)


def test_the_bearer_token_must_be_the_same():
    one = _form("a=1", headers={**FORM, "Authorization": "Bearer one"})
    two = _form("a=1", headers={**FORM, "Authorization": "Bearer two"})
    anonymous = _form("a=1")
    match_auth(one, one)
    match_auth(anonymous, anonymous)
    for sent, recorded in ((one, two), (one, anonymous), (anonymous, two)):
        with pytest.raises(AssertionError, match="token"):
            match_auth(sent, recorded)


def test_replays_also_require_the_field_names_spelled_as_recorded():
    match_field_names(_form("", URL + "?id=1&limit=2", "GET"), _form("", URL + "?limit=2&id=1", "GET"))
    with pytest.raises(AssertionError, match=r"sent \['id\[\]'\], recorded \['id'\]"):
        match_field_names(_form("", URL + "?id[]=1", "GET"), _form("", URL + "?id=1", "GET"))
    with pytest.raises(AssertionError, match="field names"):
        match_field_names(_form("a[]=1"), _form("a=1"))
