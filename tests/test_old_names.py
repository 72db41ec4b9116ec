"""Names that code written against the Mastodon.py 1.x manuals imports."""
import importlib

import pytest

import mastodon
from mastodon import errors

#: Every exception the 1.x manuals name, importable from the package itself.
SEED_EXCEPTIONS = [
    "MastodonError", "MastodonIllegalArgumentError", "MastodonIOError",
    "MastodonFileNotFoundError", "MastodonNetworkError", "MastodonReadTimeout",
    "MastodonAPIError", "MastodonNotFoundError", "MastodonUnauthorizedError",
    "MastodonMalformedEventError", "MastodonRatelimitError", "MastodonRateLimitError",
    "MastodonServerError", "MastodonVersionError",
]


def test_rate_limit_error_under_both_spellings_is_one_class():
    from mastodon import MastodonRateLimitError, MastodonRatelimitError
    from mastodon.Mastodon import MastodonRateLimitError as from_module
    assert MastodonRateLimitError is MastodonRatelimitError is from_module
    assert MastodonRateLimitError is errors.MastodonRatelimitError
    with pytest.raises(MastodonRateLimitError):
        raise errors.MastodonRatelimitError("Hit rate limit.")


@pytest.mark.parametrize("name", SEED_EXCEPTIONS)
def test_seed_exceptions_import_from_the_package_and_the_compat_module(name):
    compat = importlib.import_module("mastodon.Mastodon")
    assert getattr(mastodon, name) is getattr(errors, name) is getattr(compat, name)
    assert issubclass(getattr(mastodon, name), mastodon.MastodonError)


def test_the_package_all_is_mastodon_py_s():
    assert len(mastodon.__all__) == 24 and "MastodonRateLimitError" not in mastodon.__all__
