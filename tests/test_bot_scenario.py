"""A bot's day against the mock server, end to end through the public API only."""
import struct
import zlib

from mastodon.return_types import MediaAttachment, Notification, Status


def _png():
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" + b"\xff\x00\x00" * 2 + b"\x00" + b"\x00\xff\x00" * 2))
            + chunk(b"IEND", b""))


def test_bot_scenario(client, tmp_path):
    bot, fan, other = client("alice"), client("bob"), client("carol")

    # 1. post an image (path upload, alt text, focal point, wait for processing) and a poll
    image = tmp_path / "chart.png"
    image.write_bytes(_png())
    media = bot.media_post(str(image), description="daily chart", focus=(0, 0.5),
                           synchronous=True)
    assert isinstance(media, MediaAttachment) and media.url
    report = bot.status_post("Daily report #botday", media_ids=[media], visibility="public",
                             language="en", idempotency_key="report-day-1")
    assert isinstance(report, Status) and report.media_attachments[0].description == "daily chart"
    question = bot.status_post("How was your day? #botday",
                               poll=bot.make_poll(["good", "bad"], expires_in=3600),
                               in_reply_to_id=report)
    assert question.poll.options[0].title == "good"

    # 2. a reply thread with three people
    answer = fan.status_reply(question, "good, thanks")
    chime = other.status_reply(answer, "same here")
    thanks = bot.status_reply(chime, "glad to hear it")
    assert sorted(m.acct for m in thanks.mentions) == ["bob", "carol"]
    thread = bot.status_context(report)
    assert [s.id for s in thread.descendants] == [question.id, answer.id, chime.id, thanks.id]

    # 3. the second user boosts, favourites and votes
    assert fan.status_reblog(report).reblog.id == report.id
    assert fan.status_favourite(report).favourited
    assert list(fan.poll_vote(question.poll, 0).own_votes) == [0]
    assert bot.poll(question.poll).options[0].votes_count == 1

    # 4. the bot reads what happened to it
    notes = bot.notifications(exclude_types=["follow"])
    assert all(isinstance(n, Notification) for n in notes)
    by_kind = {}
    for note in notes:
        by_kind.setdefault(note.type, []).append(note.account.acct)
    assert by_kind["reblog"] == ["bob"] and by_kind["favourite"] == ["bob"]
    assert sorted(by_kind["mention"]) == ["bob", "carol"]
    grouped = bot.grouped_notifications(types=["favourite", "reblog"])
    assert {g.type for g in grouped.notification_groups} == {"favourite", "reblog"}
    for note in notes:
        bot.notifications_dismiss(note)
    assert bot.notifications(exclude_types=["follow"]) == []

    # 5. the hashtag timeline, search, and a walk over 100 statuses
    assert [s.id for s in bot.timeline_hashtag("botday")] == [question.id, report.id]
    assert report.id in [s.id for s in bot.search("botday", result_type="statuses").statuses]
    for n in range(100):
        bot.status_post(f"tick {n}", visibility="unlisted")
    first = bot.timeline_home(limit=40)
    assert len(first) == 40
    walked = bot.fetch_remaining(first)
    mine = [s for s in walked if s.account.acct == "alice"]
    assert len(mine) >= 100 + 3
    assert len({s.id for s in walked}) == len(walked)
    assert [s.id for s in walked] == sorted((s.id for s in walked), key=int, reverse=True)
