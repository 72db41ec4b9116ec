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
trailing punctuation; URLs longer than 4096 characters are not linked. A query
takes ASCII characters only, as in Mastodon's composer (the server's own
pattern also takes other scripts there; counting the composer's way never
counts less).

Each expected value below was counted by hand from those rules (the comment
says how), not computed by the code under test.
"""
import pytest

from mastodon import Mastodon
from support.oracle import run_here

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
    # a query is ASCII only (as in Mastodon's composer): the link ends before other scripts
    ("https://sub.sub2.\u041f\u0443\u0442\u0438\u043d.\u0440\u0444/\u0443\u0432\u0438\u0434\u0438\u043c\u0441\u044f/\u0432"
     "?\u0413\u0430\u0430\u0433\u0435=\u0432\u043e\u0435\u043d\u043d\u044b\u0439#\u043f\u0440\u0435\u0441\u0442\u0443\u043f\u043d\u0438\u043a",
     U + 1 + 5 + 1 + 7 + 1 + 10),                               # ?Гааге=военный#преступник
    ("https://example.com/?q=\u65e5\u672c", U + 2),               # linked up to ?q=
    ("https://example.com/?q=a\u65e5\u672cb", U + 3),             # up to ?q=a
    ("https://example.com/?\u65e5\u672c=a", U + 5),               # a lone ? is no query
    ("https://example.com/?q=1&r=\u00e4b", U + 2),
    ("https://example.com/?q=1#\u65e5\u672c", U + 2),
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


# ------------------------------------------------------------ against Mastodon.py 2.3.3

# Texts on which Mastodon.py 2.3.3 does not count as Mastodon does; the table above
# holds Mastodon's count (docs/migration.rst lists the difference).
ORACLE_DIFFERS = {
    "   \n\t ": "blank text counts 0 on the server",
    "gemini://example.org/page": "the server links gemini:// URLs too",
    'https://example.com/a"b': "the server's path takes a quote",
    "https://example.com/\u65e5\u672c\u8a9e\u306e\u30d1\u30b9": "the server's path takes any script",
    "https://t.co/abc123/more": "a t.co link ends after its slug",
    "https://example.com/" + "a" * 5000: "URLs over 4096 characters are not linked",
    "@a.b-c@sub.example.org!": "a local part may hold dots and dashes",
    "@alice@mastodon.social@x": "a mention followed by @ is none",
    "=@alice@example.social": "a mention after = is none",
}
MORE_TEXTS = [  # besides the table: hosts, paths and queries in other scripts, CJK, emoji
    "https://\u4f8b\u3048.jp/",
    "https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444/?q=\u0432",
    "https://example.com/p\u00e4th?q=\u00fc",
    "https://example.com/?q=\u00e91 and more",
    "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8 https://example.jp/x?y=1",
    "\u4e2d\u6587 @user@example.cn \U0001F600\U0001F600",
    "\U0001F3F3\ufe0f\u200d\U0001F308 https://m\u00fcnchen.de/?a=b",
    "e\u0301t\u00e9 https://caf\u00e9.fr/men\u00fc",
]
COMPARED = [text for text, _ in GROUND_TRUTH if text not in ORACLE_DIFFERS] + MORE_TEXTS


@pytest.fixture(scope="module")
def counting_oracle(oracle):
    """The oracle, when its Mastodon.py has the grapheme extra it needs to count."""
    if oracle.call("status_length", "lengths", ["x"]) != [1]:
        pytest.skip("the oracle venv lacks the grapheme extra: it is installed from "
                    "ORACLE_PACKAGE (tests/support/oracle.py) when MASTODON_ORACLE_PYTHON "
                    "is not set")
    return oracle


def test_mastodon_py_counts_the_same_where_it_follows_mastodon(counting_oracle):
    mine = run_here("status_length", "lengths", COMPARED)
    theirs = counting_oracle.call("status_length", "lengths", COMPARED)
    assert dict(zip(COMPARED, mine)) == dict(zip(COMPARED, theirs))


def test_where_mastodon_py_differs_the_table_follows_mastodon(counting_oracle):
    texts = sorted(ORACLE_DIFFERS)
    theirs = counting_oracle.call("status_length", "lengths", texts)
    expected = dict(GROUND_TRUTH)
    assert run_here("status_length", "lengths", texts) == [expected[text] for text in texts]
    assert all(count != expected[text] for text, count in zip(texts, theirs))
