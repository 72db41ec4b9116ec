"""The machinery behind :mod:`mastodon.streaming`, one job per module, lowest first.

``sse`` (the pure server-sent-events parser) → ``events`` (decode and dispatch
one event) → ``reader`` (read a response into events) → ``listeners``
(``StreamListener`` and ``CallbackStreamListener``) → ``handles`` (streams run
on a thread, with reconnects) → ``catchup`` (fetch what a reconnect missed).
The public names live in :mod:`mastodon.streaming`; the ``stream_*`` methods in
:mod:`mastodon.streaming_endpoints`.
"""
