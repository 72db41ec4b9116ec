"""The :class:`Mastodon` client, composed from one mixin per API area."""
from __future__ import annotations

from .authentication import AuthenticationMixin
from .accounts import AccountsMixin
from .relationships import RelationshipsMixin
from .statuses import StatusesMixin
from .status_actions import StatusActionsMixin
from .timeline import TimelineMixin
from .media import MediaMixin
from .polls import PollsMixin
from .notifications import NotificationsMixin
from .conversations import ConversationsMixin
from .favourites import FavouritesMixin
from .search import SearchMixin
from .trends import TrendsMixin
from .async_refresh import AsyncRefreshMixin
from .lists import ListsMixin
from .filters import FiltersMixin
from .hashtags import HashtagsMixin
from .suggestions import SuggestionsMixin
from .preferences import PreferencesMixin
from .reports import ReportsMixin
from .profile import ProfileMixin
from .endorsements import EndorsementsMixin
from .collections import CollectionsMixin
from .annual_reports import AnnualReportsMixin
from .instance import InstanceMixin
from .admin import AdminMixin
from .push import PushMixin
from .streaming_endpoints import StreamingEndpointsMixin
from .media_utils import MediaUtilsMixin
from .utility import UtilityMixin


class Mastodon(
    AuthenticationMixin,
    UtilityMixin,
    AccountsMixin,
    RelationshipsMixin,
    StatusesMixin,
    StatusActionsMixin,
    TimelineMixin,
    MediaMixin,
    PollsMixin,
    NotificationsMixin,
    ConversationsMixin,
    FavouritesMixin,
    SearchMixin,
    TrendsMixin,
    AsyncRefreshMixin,
    ListsMixin,
    FiltersMixin,
    HashtagsMixin,
    SuggestionsMixin,
    PreferencesMixin,
    ReportsMixin,
    ProfileMixin,
    EndorsementsMixin,
    CollectionsMixin,
    AnnualReportsMixin,
    InstanceMixin,
    AdminMixin,
    PushMixin,
    StreamingEndpointsMixin,
    MediaUtilsMixin,
):
    """A client for one Mastodon instance; see :meth:`__init__` for its options.

    Every endpoint method sends its request through ``_request``
    (:mod:`mastodon.internals`). One client may be shared between threads.
    """

    __version__ = "2.3.3"
