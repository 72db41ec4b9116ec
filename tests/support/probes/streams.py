"""Stream probes: the same byte feeds through the same listener classes, in either library.

``feed_calls`` hands a stand-in response to ``listener.handle_stream`` as a
bot's tests do; ``stream_user_calls`` streams from a local server through
``Mastodon.stream_user`` (blocking). Both answer, per feed, the calls the
listener received and how the call ended (see ``stream_feeds``).
"""
from mastodon import Mastodon

from stream_feeds import LISTENERS, StandIn, StreamServer, outcome, pieces_of


def feed_calls(kind, feeds, split):
    """For each body in ``feeds``: ``[calls, outcome]`` of ``handle_stream`` on a stand-in response."""
    results = []
    for body in feeds:
        listener = LISTENERS[kind]()
        ended = outcome(lambda: listener.handle_stream(StandIn(pieces_of(body, split))))
        results.append([listener.calls, ended])
    return results


def stream_user_calls(kind, body):
    """``[calls, outcome, streaming paths requested]`` of a blocking ``stream_user`` on ``body``."""
    with StreamServer(body) as server:
        api = Mastodon(access_token="probe", api_base_url=server.base_url,
                       version_check_mode="none")
        try:
            listener = LISTENERS[kind]()
            ended = outcome(lambda: api.stream_user(listener))
        finally:
            api.session.close()
        paths = [path for path in server.httpd.paths if path.startswith("/api/v1/streaming")]
    return [listener.calls, ended, paths]
