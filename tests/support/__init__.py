"""Test helpers: a fake transport, a fault-injecting server and the mastodon_mock runner."""
