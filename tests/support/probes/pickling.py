"""Pickling a client and loading it back: what the restored client knows."""
import pickle

from mastodon import Mastodon

_SHOWN = ("api_base_url", "access_token", "client_id", "client_secret", "ratelimit_method",
          "ratelimit_pacefactor", "request_timeout", "feature_set", "version_check_mode",
          "user_agent", "lang")


def round_trip(options):
    """Build a client from ``options`` (no network), pickle it twice over; its settings."""
    original = Mastodon(version_check_mode="none", **options)
    restored = pickle.loads(pickle.dumps(pickle.loads(pickle.dumps(original))))
    answer = {"type": type(restored).__name__,
              "same_object": restored is original,
              "same_session": restored.session is original.session}
    answer.update({name: getattr(restored, name, "<missing>") for name in _SHOWN})
    for client in (original, restored):
        getattr(client, "close", lambda: None)()
    return answer
