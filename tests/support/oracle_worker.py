"""The oracle's side of :mod:`support.oracle`: runs probe functions, one JSON line each.

Started by the oracle's interpreter in isolated mode (``-I``), with the probe
directory as its only argument. It first says which ``mastodon`` it imported,
then answers every request line ``{"module", "function", "args"}`` with
``{"result": ...}``, or ``{"failure": traceback}`` when the probe itself broke.
"""
import importlib
import json
import sys
import traceback


def main() -> None:
    sys.path.insert(0, sys.argv[1])
    import mastodon

    from importlib.metadata import version

    _answer({"mastodon_file": mastodon.__file__, "version": version("Mastodon.py")})
    for line in sys.stdin:
        request = json.loads(line)
        try:
            probe = importlib.import_module(request["module"])
            result = getattr(probe, request["function"])(*request["args"])
            _answer({"result": result})
        except Exception:
            _answer({"failure": traceback.format_exc()})


def _answer(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
