"""The layers behind :mod:`mastodon.types_base`, lowest first.

``values`` (ids, dates, base 62) → ``attrdict`` (the AttribAccessDict base and
its display) and ``lists`` (the list types) → ``decoding`` (per-class field
tables and lazy conversion) → ``roundtrip`` (``to_json``/``from_json``).
Each module imports only the ones before it; the layers above install what
the lower ones need (entity names, the JSON codec) when they are imported.
"""
