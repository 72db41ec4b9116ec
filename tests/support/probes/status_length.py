"""get_status_length of a list of texts: the counts, or the exception each raised."""
from mastodon import Mastodon


def lengths(texts):
    """``Mastodon.get_status_length(text)`` for each text (exception class name on failure)."""
    counts = []
    for text in texts:
        try:
            counts.append(Mastodon.get_status_length(text))
        except Exception as exc:  # the exception is the answer
            counts.append(type(exc).__name__)
    return counts
