"""The request core's stages, one small module each.

A request flows through them in this order (see ``Internals._request`` in
:mod:`mastodon.internals`, the one place every API call passes through):

``params`` (build) → ``blocklist`` → ``ratelimit`` → send → ``retry`` →
``check`` → ``decode`` → ``pagination``.
"""
