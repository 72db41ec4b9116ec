"""Decode stage: response body to AttribAccessDict-based entities."""
from __future__ import annotations

from typing import Any

import requests

from ..errors import MastodonAPIError
from .check import unusable_body_error
from .jsonparse import loads
from ..types_base import decode


class UnusableBody(Exception):
    """A success answer whose body cannot be decoded: empty where an entity is expected,
    cut short, not JSON, or nested too deeply.

    The request core retries such an answer where the retry policy allows and
    raises :attr:`error` (a MastodonAPIError quoting the body) after the last try.
    """

    def __init__(self, error: MastodonAPIError) -> None:
        super().__init__(str(error))
        self.error = error


def decode_response(response: requests.Response, entity: Any = None) -> Any:
    """Parse a response's JSON body and convert it to ``entity`` (untyped when None).

    An empty body decodes to an empty AttribAccessDict where no entity is
    expected; where one is, and for a body that is not JSON (or JSON nested
    deeper than Python can follow), :class:`UnusableBody` is raised. A stand-in
    that is not a ``requests.Response`` (a duck-typed session's answer, such as
    a test's mock) is read with its ``json()``.
    """
    if not isinstance(response, requests.Response):
        try:
            return decode(response.json(), entity)
        except (ValueError, RecursionError) as exc:
            raise UnusableBody(MastodonAPIError("Could not parse response as JSON", str(exc))) \
                from exc
    content = response.content
    if not content or content.isspace():  # (strip() would copy a body ending in a newline)
        if entity is not None:
            raise UnusableBody(unusable_body_error(response))
        return decode({}, None)
    try:
        parsed = loads(content)
    except (ValueError, RecursionError) as exc:
        raise UnusableBody(unusable_body_error(response)) from exc
    try:
        return decode(parsed, entity)
    except RecursionError as exc:  # JSON the parser could follow, but not the decoder
        raise UnusableBody(unusable_body_error(response)) from exc
