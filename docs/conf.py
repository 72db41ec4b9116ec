"""Sphinx configuration for the mastodon-ng documentation.

Build with ``sphinx-build -W -b html docs docs/_build/html``. The build needs
no network: intersphinx is not used. ``docs/dev/`` holds the contributors'
architecture page and internal notes (Markdown, not part of the site).
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)  # document the source tree, installed or not


def _constant(relative_path: str, name: str) -> str:
    """A string constant of the package, read without importing it."""
    with open(os.path.join(ROOT, relative_path), encoding="utf-8") as handle:
        match = re.search(rf'^{name}\s*=\s*"([^"]+)"', handle.read(), re.MULTILINE)
    return match.group(1) if match else "unknown"


project = "mastodon-ng"
author = "The mastodon-ng authors"
copyright = "2026, The mastodon-ng authors"
release = version = _constant("mastodon/__init__.py", "__version__")
supported_mastodon = _constant("mastodon/defaults.py", "_SUPPORTED_MASTODON_VERSION")
rst_epilog = f"""
.. |supported| replace:: {supported_mastodon}
"""

extensions = ["sphinx.ext.autodoc"]
exclude_patterns = ["_build", "dev/*.md"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"show-inheritance": False}
python_use_unqualified_type_names = True
html_theme = "alabaster"
html_theme_options = {"description": "A drop-in replacement for Mastodon.py"}

# Entity classes are built by the library from JSON, never by hand: hide their
# ``(**kwargs)`` constructor signature and its "Parameters" entry.
_ENTITY_MODULES = ("mastodon.return_types.", "mastodon.types_base.")


def _hide_entity_signature(app, what, name, obj, options, signature, return_annotation):
    if what == "class" and name.startswith(_ENTITY_MODULES) and signature == "(**kwargs)":
        return "", return_annotation
    return None


def _drop_entity_constructor_types(app, domain, objtype, contentnode):
    if domain != "py" or objtype != "class":
        return
    signode = contentnode.parent[0]
    fullname = f"{signode.get('module', '')}.{signode.get('fullname', '')}"
    if not fullname.startswith(_ENTITY_MODULES):
        return
    document = getattr(app.env, "current_document", None)
    annotations = (getattr(document, "autodoc_annotations", None) if document is not None
                   else app.env.temp_data.get("annotations"))
    if annotations and "kwargs" in annotations.get(fullname, {}):
        annotations.pop(fullname, None)


def setup(app):
    app.connect("autodoc-process-signature", _hide_entity_signature)
    # before autodoc merges the recorded type hints into the description (priority 500)
    app.connect("object-description-transform", _drop_entity_constructor_types, priority=400)
