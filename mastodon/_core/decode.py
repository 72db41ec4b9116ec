"""Decode stage: response body to AttribAccessDict-based entities."""
from __future__ import annotations

from typing import Any

import requests

from ..errors import MastodonAPIError
from ..types_base import decode, load_json


def decode_response(response: requests.Response, entity: Any = None) -> Any:
    """Parse a response's JSON body and convert it to ``entity`` (untyped when None).

    An empty body decodes to an empty AttribAccessDict. A body that is not
    JSON raises MastodonAPIError.
    """
    content = response.content
    if not content or not content.strip():
        return decode({}, entity if _is_object_type(entity) else None)
    try:
        parsed = load_json(content)
    except ValueError as exc:
        request = response.request
        raise MastodonAPIError(
            "Could not parse response as JSON", response.status_code, response.reason,
            str(exc), response=response,
            method=request.method if request is not None else None,
            url=request.url if request is not None else None,
            request_id=response.headers.get("X-Request-Id"),
        ) from exc
    return decode(parsed, entity)


def _is_object_type(entity: Any) -> bool:
    return isinstance(entity, type) and issubclass(entity, dict)
