"""Which library a probe runs against: the smallest probe, used by the harness test."""
import mastodon


def library() -> dict:
    """Where ``mastodon`` was imported from."""
    return {"file": mastodon.__file__}


def echo(*values):
    """The arguments back, as the probe saw them."""
    return list(values)
