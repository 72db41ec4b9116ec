"""Which parts of a status Mastodon counts specially: linked URLs and mentions.

Mastodon (4.x) measures a status as its content warning plus its text, with
every URL it turns into a link counted as 23 characters and every mention
counted by its local part (``@user@example.social`` as ``@user``), in grapheme
clusters. Text that is only white space counts as nothing.

Which URLs become links follows the twitter-text extraction with the changes
Mastodon makes to it:

* only URLs with a scheme count (``http``, ``https``, ``dat``, ``dweb``,
  ``ipfs``, ``ipns``, ``ssb``, ``gopher``, ``gemini``), not preceded by a
  letter, digit, ``@``, ``$`` or ``#``;
* the host must be a domain name ending in a known top-level domain
  (:mod:`mastodon._core.tld_list`) or a punycode label, so IP addresses, IPv6
  literals, ``localhost`` and URLs with user info (``user:pass@host``) are not
  linked and count with all their characters; internationalised domain names
  count when they can be IDNA-encoded;
* the path takes any character but white space, ``<``, ``>``, ``?`` and
  unbalanced parentheses, and does not end in punctuation such as ``.`` ``,``
  ``!`` ``:`` or a quote;
* a query may follow, made of ASCII characters only and ending in a letter,
  digit or one of ``_&=#/-``, as Mastodon's composer (and Mastodon.py) count
  it: ``https://host.example/path?q=日本`` is linked up to ``?q=``, the rest
  counts character by character.

Mentions are Mastodon's ``Account::MENTION_RE``; where a URL and a mention
overlap, the one starting first wins.
"""
from __future__ import annotations

import functools
import re
from typing import Iterator, List, Tuple

from .tld_list import COUNTRY_TLDS, GENERIC_TLDS

#: What a linked URL counts as, whatever its length.
URL_PLACEHOLDER = "x" * 23
MAX_URL_LENGTH = 4096
MAX_TCO_SLUG_LENGTH = 40

_WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SPACE_CHARS = " \t\n\x0b\x0c\r"
_INVALID = "\ufffe\ufeff\uffff"
_DIRECTIONAL = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNICODE_SPACES = "\t-\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_PUNCTUATION = re.escape("!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~")
_LATIN_ACCENTS = ("\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257"
                  "\u0259\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f"
                  "\u1e00-\u1eff")
_CYRILLIC = "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f"


def _balanced_parens(path_char: str) -> str:
    """``(...)`` with one nested level, its content made of ``path_char``."""
    return rf"\((?:{path_char}+|(?:{path_char}*\({path_char}+\){path_char}*))\)"


def _domain() -> str:
    """A domain name ending in a known top-level domain or a punycode label."""
    names = sorted(GENERIC_TLDS | COUNTRY_TLDS, key=lambda name: (-len(name), name))
    tlds = "|".join(re.escape(name) for name in names)
    tld = rf"(?:(?:{tlds})(?=[^0-9a-z@+-]|$)|xn--[0-9a-z]+)"
    return rf"(?:{_SUBDOMAIN}*{_DOMAIN_NAME}{tld})"


_DOMAIN_CHAR = f"[^{_DIRECTIONAL}{_PUNCTUATION}{_SPACE_CHARS}\\x00-\\x1f\\x7f{_INVALID}{_UNICODE_SPACES}]"
_SUBDOMAIN = rf"(?:(?:{_DOMAIN_CHAR}(?:[_-]|{_DOMAIN_CHAR})*)?{_DOMAIN_CHAR}\.)"
_DOMAIN_NAME = rf"(?:(?:{_DOMAIN_CHAR}(?:-|{_DOMAIN_CHAR})*)?{_DOMAIN_CHAR}\.)"

# Mastodon's path characters; the parentheses allowed at the very end of a
# path are still built from twitter-text's narrower set (Mastodon redefines
# them only after using them there).
_PATH_CHAR = f"[^{_WHITE_SPACE}<>()?]"
_OLD_PATH_CHAR = f"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\u2013_~&|@{_LATIN_ACCENTS}]"
_PATH_END = (f"(?:[^{_WHITE_SPACE}()?!*\"'\u300c\u300d<>;:=,.$%\\[\\]~&|@]"
             f"|{_balanced_parens(_OLD_PATH_CHAR)})")
_PARENS = _balanced_parens(_PATH_CHAR)
_PATH = rf"(?:(?:{_PATH_CHAR}*(?:{_PARENS}{_PATH_CHAR}*)*{_PATH_END})|(?:{_PATH_CHAR}+/))"
# The query takes ASCII characters only, as in Mastodon's composer (twitter-text):
# a URL ends before a query in another script.
_QUERY = r"(?:\?[a-z0-9!?*'();:&=+$/%#\[\]\-_.,~|@^]*[a-z0-9_&=#/\-])"


@functools.lru_cache(maxsize=None)
def _url_re() -> re.Pattern[str]:
    """The URL pattern, built and compiled when a status is first measured (~25 ms)."""
    return re.compile(
        rf"(?:(?<=[^A-Z0-9@\uff20$#\uff03{_INVALID}])|(?<=[{_DIRECTIONAL}])|^)"
        rf"(?P<url>(?P<scheme>(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://)?"
        rf"(?P<domain>{_domain()})(?::[0-9]+)?(?:/{_PATH}*)?{_QUERY}?)",
        re.IGNORECASE | re.MULTILINE)


_TCO_RE = re.compile(r"^https?://t\.co/([a-z0-9]+)", re.IGNORECASE)

_MENTION_RE = re.compile(
    r"(?<![=/\w])@((?i:[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@\w+(?:[.-]+\w+)*)?)")
_END_MENTION_RE = re.compile(f"(?:[@\uff20]|[{_LATIN_ACCENTS}]|://)")
_BLANK_RE = re.compile(f"[{_WHITE_SPACE}]*")

Entity = Tuple[int, int, str]  # start, end, replacement


def _valid_domain(url: str, domain: str) -> bool:
    """Whether the domain converts to IDNA and the URL stays within the length limit."""
    try:
        encoded = domain.encode("idna")
    except UnicodeError:
        return False
    return len(url) + max(len(encoded) - len(domain), 0) <= MAX_URL_LENGTH


def _urls(text: str) -> Iterator[Entity]:
    """The URLs Mastodon would link, with the placeholder they count as."""
    if ":" not in text:
        return
    for match in _url_re().finditer(text):
        if not match.group("scheme"):
            continue  # Mastodon links only URLs that name their scheme
        url, start, end = match.group("url"), match.start("url"), match.end("url")
        tco = _TCO_RE.match(url)
        if tco:
            if len(tco.group(1)) > MAX_TCO_SLUG_LENGTH:
                continue
            url, end = tco.group(0), start + len(tco.group(0))
        if _valid_domain(url, match.group("domain")):
            yield start, end, URL_PLACEHOLDER


def _mentions(text: str) -> Iterator[Entity]:
    """Mentions, each counted as ``@`` and its local part."""
    if "@" not in text and "\uff20" not in text:
        return
    for match in _MENTION_RE.finditer(text):
        if not _END_MENTION_RE.match(text, match.end()):
            yield match.start(), match.end(1), "@" + match.group(1).split("@", 1)[0]


def countable_text(text: str) -> str:
    """``text`` with each linked URL and each mention replaced by what it counts as."""
    if _BLANK_RE.fullmatch(text):
        return ""
    kept: List[Entity] = []
    for entity in sorted([*_urls(text), *_mentions(text)], key=lambda item: item[0]):
        if not kept or kept[-1][1] <= entity[0]:  # overlapping ones: the earlier wins
            kept.append(entity)
    pieces, position = [], 0
    for start, end, replacement in kept:
        pieces += [text[position:start], replacement]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
