"""get_status_length against a ground-truth table worked out by hand from Mastodon's rules.

Mastodon 4.5 (``StatusLengthValidator``) counts the content warning plus the
text, in grapheme clusters, after replacing every URL its twitter-text based
extraction links with 23 characters and every mention ``@user@domain`` with
``@user``; text that is only white space counts as nothing. A URL is linked
only with a scheme (http, https, dat, dweb, ipfs, ipns, ssb, gopher, gemini),
when not glued to a preceding letter, digit, ``@``, ``$`` or ``#``, and when
its host is a domain ending in a known top-level domain or a punycode label:
IP addresses, IPv6 literals, ``localhost``, made-up TLDs and user info
(``user:pass@host``) leave it plain text, counted character by character.
Paths end before white space, ``<``, ``>``, unbalanced parentheses and
trailing punctuation; URLs longer than 4096 characters are not linked.

Each expected value below was counted by hand from those rules (the comment
says how), not computed by the code under test.
"""
import pytest

from mastodon import Mastodon

length = Mastodon.get_status_length
U = 23  # what a linked URL counts as

GROUND_TRUTH = [
    # plain text; only-white-space text is blank and counts 0
    ("", 0),
    ("   \n\t ", 0),
    ("hello", 5),
    (" hello ", 7),
    ("\u00dcn\u00efc\u00f6d\u00e9 text", 12),
    # linked URLs count 23
    ("https://example.com", U),
    ("http://example.com", U),
    ("https://example.com/", U),
    ("https://EXAMPLE.COM/Path", U),
    ("https://www.example.co.uk/a/b?c=d#e", U),
    ("https://example.co", U),
    ("https://example.com:8080/path", U),
    ("https://example.com?q=1", U),
    ("https://sub_domain.example.com/", U),
    ("gemini://example.org/page", U),
    ("https://en.wikipedia.org/wiki/Pi_(disambiguation)", U),
    ("https://example.com/foo_(bar)_baz", U),
    ('https://example.com/a"b', U),
    ("https://mastodon.social/@alice@other.example", U),        # the @ parts are path
    # internationalised domains and paths
    ("https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444", U),            # пример.рф
    ("https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444/\u043f\u0443\u0442\u044c/\u043a", U),
    ("https://xn--e1afmkfd.xn--p1ai/", U),                     # punycode TLD
    ("https://m\u00fcnchen.de/stra\u00dfe", U),
    ("https://example.com/\u65e5\u672c\u8a9e\u306e\u30d1\u30b9", U),
    ("https://\u2603.net", U),                                  # ☃.net encodes to IDNA
    ("https://\u4f8b\u3048.\u30c6\u30b9\u30c8", 8 + 2 + 1 + 3),  # テスト: no known TLD
    # trailing punctuation and brackets stay outside the URL
    ("Visit https://joinmastodon.org.", 6 + U + 1),
    ("https://example.com/page,", U + 1),
    ("https://example.com/a!", U + 1),
    ("https://example.com/x'", U + 1),
    ("https://example.com/?q=1!", U + 1),
    ("(https://example.com/x)", 1 + U + 1),
    ("(see https://example.com/a_(b))", 5 + U + 1),
    ("https://example.com/<tag>", U + 5),
    ("https://example.com:/path", U + 6),                       # no port digits: path not taken
    ("https://t.co/abc123/more", U + 5),                        # t.co URLs end after the slug
    # several URLs
    ("https://example.com https://example.org", U + 1 + U),
    ("https://example.com\nhttps://example.org", U + 1 + U),
    ("two https://a.org/x and https://b.net/" + "y" * 60, 4 + U + 5 + U),
    # URLs Mastodon does not link count every character
    ("https://user:pass@example.com", 29),                      # user info
    ("https://user@example.com/x", 26),
    ("http://127.0.0.1/", 17),                                  # IPv4 host
    ("http://127.0.0.1:3000/status", 28),
    ("http://[::1]/", 13),                                      # IPv6 hosts
    ("https://[2001:db8::1]:8080/x", 28),
    ("http://localhost:3000", 21),
    ("https://my.server.local/about", 29),                      # not a top-level domain
    ("https://example.test", 20),
    ("https://a.b", 11),
    ("https://com", 11),
    ("https://example.comx", 20),
    ("https://example.com-x", 21),
    ("ftp://example.com/file", 22),                             # scheme Mastodon does not link
    ("example.com", 11),                                        # no scheme
    ("www.example.com/path", 20),
    ("xhttps://example.com", 20),                               # glued to a letter
    ("#https://example.com", 20),
    ("https://", 8),
    ("https://example.com/" + "a" * 5000, 20 + 5000),           # longer than 4096
    # mentions count by their local part
    ("@alice", 6),
    ("@alice@example.social", 6),
    ("hi @Alice@Mastodon.Social!", 3 + 6 + 1),
    ("@a.b-c@sub.example.org!", len("@a.b-c!")),
    ("@alice@example.social https://example.com/x", 6 + 1 + U),
    ("@alice@mastodon.social@x", 24),                           # followed by @: no mention
    ("email me: bob@example.com", 25),                          # e-mail address
    ("=@alice@example.social", 22),                             # after "=": no mention
    # grapheme clusters
    ("\U0001F44D\U0001F3FD https://example.com", 1 + 1 + U),
    ("\U0001F468\u200D\U0001F469\u200D\U0001F467 @bob@example.org", 1 + 1 + 4),
]


def test_the_table_is_large_enough():
    assert len(GROUND_TRUTH) >= 40


@pytest.mark.parametrize("text, expected", GROUND_TRUTH)
def test_length_counts_as_mastodon_does(text, expected):
    assert length(text) == expected


@pytest.mark.parametrize("text, spoiler, expected", [
    ("https://example.com", "CW https://x.org", U + 16),        # the warning counts as written
    ("   ", "CW", 2),                                           # blank text, warning only
    ("@alice@example.social", "@bob@example.org", 6 + 16),
])
def test_content_warning_counts_as_written(text, spoiler, expected):
    assert length(text, spoiler) == expected
