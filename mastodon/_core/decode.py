"""Decode stage: response body to AttribAccessDict-based entities."""
from __future__ import annotations

from typing import Any

import requests

from ..errors import MastodonAPIError
from .check import unusable_body_error
from .jsonparse import loads
from ..types_base import decode


def decode_response(response: requests.Response, entity: Any = None) -> Any:
    """Parse a response's JSON body and convert it to ``entity`` (untyped when None).

    An empty body decodes to an empty AttribAccessDict where no entity is
    expected; where one is, and for a body that is not JSON, MastodonAPIError
    is raised quoting what came back. A stand-in that is not a
    ``requests.Response`` (a duck-typed session's answer, such as a test's
    mock) is read with its ``json()``.
    """
    if not isinstance(response, requests.Response):
        try:
            return decode(response.json(), entity)
        except ValueError as exc:
            raise MastodonAPIError("Could not parse response as JSON", str(exc)) from exc
    content = response.content
    if not content or not content.strip():
        if entity is not None:
            raise unusable_body_error(response)
        return decode({}, None)
    try:
        parsed = loads(content)
    except ValueError as exc:
        raise unusable_body_error(response) from exc
    return decode(parsed, entity)

