# GENERATED FILE - do not edit by hand.
# Produced by tools/gen_return_types.py from the spec's entities.tsv; change the
# generator or tools/entity_docs.py and regenerate instead.
# The spec writes some list annotations without an item type (and one
# AttribAccessDict[str, ...]); those are kept exactly as given:
# mypy: disable-error-code="type-arg"
"""Typed classes for every object the Mastodon API returns.

Each class is an :class:`~mastodon.types_base.AttribAccessDict`: the decoded
JSON object, readable both as ``obj["field"]`` and ``obj.field``. The class
annotations say what each field holds, so editors and type checkers know that
``status.account.acct`` is a ``str`` and ``status.created_at`` a
:class:`~datetime.datetime`. Every object has a key for each declared field
(None where the server sent nothing); keys the server sent that are not
declared here are kept as they are. A value is converted to its declared type
when it is first read (see :mod:`mastodon._types.attrdict`).

``_version`` on each class is the newest Mastodon version whose changes to the
entity are reflected here.
"""
from __future__ import annotations

from datetime import datetime
from typing import Dict, List, Optional, Union

from .types_base import (
    AttribAccessDict, EmptyResponse, EntityList, IdType, MaybeSnowflakeIdType,
    NonPaginatableList, PaginatableList, PaginationInfo, PathOrFile, PrimitiveIdType,
    WebpushCryptoParamsPrivkey, WebpushCryptoParamsPubkey, real_issubclass,
    register_entity_names, try_cast, try_cast_recurse,
)

__all__ = [
    "Account",
    "AccountField",
    "Role",
    "CredentialAccountSource",
    "CredentialAccountState",
    "Status",
    "Quote",
    "ShallowQuote",
    "QuoteApproval",
    "StatusEdit",
    "FilterResult",
    "StatusMention",
    "ScheduledStatus",
    "ScheduledStatusParams",
    "Poll",
    "PollOption",
    "Conversation",
    "Tag",
    "TagHistory",
    "CustomEmoji",
    "Application",
    "Relationship",
    "Filter",
    "FilterV2",
    "Notification",
    "Context",
    "UserList",
    "MediaAttachment",
    "MediaAttachmentMetadataContainer",
    "MediaAttachmentImageMetadata",
    "MediaAttachmentVideoMetadata",
    "MediaAttachmentAudioMetadata",
    "MediaAttachmentFocusPoint",
    "MediaAttachmentColors",
    "PreviewCard",
    "TrendingLinkHistory",
    "PreviewCardAuthor",
    "Search",
    "SearchV2",
    "Collection",
    "CollectionItem",
    "Instance",
    "InstanceConfiguration",
    "InstanceURLs",
    "InstanceV2",
    "InstanceIcon",
    "InstanceConfigurationV2",
    "InstanceVapidKey",
    "InstanceURLsV2",
    "InstanceThumbnail",
    "InstanceThumbnailVersions",
    "InstanceStatistics",
    "InstanceUsage",
    "InstanceUsageUsers",
    "RuleTranslation",
    "Rule",
    "InstanceRegistrations",
    "InstanceContact",
    "InstanceAccountConfiguration",
    "InstanceStatusConfiguration",
    "InstanceTranslationConfiguration",
    "InstanceMediaConfiguration",
    "InstancePollConfiguration",
    "InstanceTimelinesAccessConfiguration",
    "InstanceTimelinesAccessFeedConfiguration",
    "Nodeinfo",
    "NodeinfoSoftware",
    "NodeinfoServices",
    "NodeinfoUsage",
    "NodeinfoUsageUsers",
    "NodeinfoMetadata",
    "Activity",
    "Report",
    "AdminReport",
    "WebPushSubscription",
    "WebPushSubscriptionAlerts",
    "PushNotification",
    "Preferences",
    "FeaturedTag",
    "Marker",
    "Announcement",
    "Reaction",
    "StreamReaction",
    "FamiliarFollowers",
    "AdminAccount",
    "AdminIp",
    "AdminMeasure",
    "AdminMeasureData",
    "AdminDimension",
    "AdminDimensionData",
    "AdminRetention",
    "AdminCohort",
    "AdminDomainBlock",
    "AdminCanonicalEmailBlock",
    "AdminDomainAllow",
    "AdminEmailDomainBlock",
    "AdminEmailDomainBlockHistory",
    "AdminIpBlock",
    "DomainBlock",
    "ExtendedDescription",
    "FilterKeyword",
    "FilterStatus",
    "IdentityProof",
    "StatusSource",
    "Suggestion",
    "Translation",
    "AccountCreationError",
    "AccountCreationErrorDetails",
    "AccountCreationErrorDetailsField",
    "NotificationPolicy",
    "NotificationPolicySummary",
    "RelationshipSeveranceEvent",
    "GroupedNotificationsResults",
    "PartialAccountWithAvatar",
    "NotificationGroup",
    "AccountWarning",
    "UnreadNotificationsCount",
    "Appeal",
    "NotificationRequest",
    "SupportedLocale",
    "OAuthServerInfo",
    "OAuthUserInfo",
    "TermsOfService",
    "AsyncRefresh",
    "Profile",
    "ProfileField",
    "ShallowTag",
    "FeatureApproval",
    "WrappedCollection",
    "Collections",
    "CollectionWithAccounts",
    "WrappedCollectionItem",
    "NotificationFallback",
    "AnnualReportEvent",
    "AnnualReportState",
    "AnnualReport",
    "WrappedAnnualReports",
    "AnnualReportDataV2",
    "AnnualReportDataV1",
    "AnnualReportTopStatusesV2",
    "AnnualReportTopStatusesV1",
    "AnnualReportTimeSeriesEntryV2",
    "AnnualReportTimeSeriesEntryV1",
    "AnnualReportTypeDistribution",
    "AnnualReportNameAndCount",
    "AnnualReportAccountAndCount",
    "AnnualReportPercentiles",
]


class Account(AttribAccessDict):
    """A user account, local or on another server, as others see it. For your own
    account (from ``account_verify_credentials``) ``source`` and ``role`` are filled in
    too. ``moved_to_account``, the name older code uses, reads ``moved``.

    Fields as of Mastodon 4.7.0.
    """

    _version = '4.7.0'
    _legacy_map = {'moved_to_account': 'moved'}

    id: MaybeSnowflakeIdType
    """Id of the account on this server. Added in Mastodon 0.1.0."""

    username: str
    """User name without the domain. Added in Mastodon 0.1.0."""

    acct: str
    """Account address: ``user`` for local accounts, ``user@domain`` for remote ones.
    Added in Mastodon 0.1.0.
    """

    display_name: str
    """Name shown on the profile. Added in Mastodon 0.1.0."""

    discoverable: Optional[bool]
    """Whether the account opted into the profile directory and discovery features.
    Added in Mastodon 3.1.0; may be null.
    """

    group: bool
    """Whether the account is a group actor. Added in Mastodon 3.1.0."""

    locked: bool
    """Whether follow requests need approval. Added in Mastodon 0.1.0."""

    created_at: datetime
    """When the account was created (day precision for remote accounts). Added in
    Mastodon 0.1.0; changed in 3.4.0.
    """

    following_count: int
    """Number of accounts followed. Added in Mastodon 0.1.0."""

    followers_count: int
    """Number of followers. Added in Mastodon 0.1.0."""

    statuses_count: int
    """Number of posts. Added in Mastodon 0.1.0; changed in 2.4.2."""

    note: str
    """Profile bio as HTML. Added in Mastodon 0.1.0."""

    url: str
    """Profile page of the account. Added in Mastodon 0.1.0."""

    uri: str
    """ActivityPub id of the account. Added in Mastodon 4.2.0."""

    avatar: str
    """URL of the avatar image (may be animated). Added in Mastodon 0.1.0."""

    header: str
    """URL of the header image (may be animated). Added in Mastodon 0.1.0."""

    avatar_static: str
    """URL of a still version of the avatar. Added in Mastodon 1.1.2."""

    header_static: str
    """URL of a still version of the header image. Added in Mastodon 1.1.2."""

    moved: Optional[Account]
    """The account this one moved to, if it moved. Added in Mastodon 2.1.0; may be
    absent; may be null.
    """

    suspended: Optional[bool]
    """Whether the account is suspended. Added in Mastodon 3.3.0; may be absent; may be
    null.
    """

    limited: Optional[bool]
    """Whether moderators limited the account (hidden from non-followers). Added in
    Mastodon 3.5.3; may be absent; may be null.
    """

    bot: bool
    """Whether the account is marked as automated. Added in Mastodon 2.4.0."""

    fields: NonPaginatableList[AccountField]
    """Extra name/value fields of the profile. Added in Mastodon 2.4.0."""

    emojis: NonPaginatableList[CustomEmoji]
    """Custom emoji used in the name and bio. Added in Mastodon 2.4.0."""

    last_status_at: Optional[datetime]
    """Day of the most recent post. Added in Mastodon 3.0.0; changed in 3.1.0; may be
    null.
    """

    noindex: Optional[bool]
    """Whether the user asked search engines not to index the profile. Added in Mastodon
    4.0.0; may be null.
    """

    roles: Optional[NonPaginatableList]
    """Roles in the old format of Mastodon forks; superseded by ``role``. Added in
    Mastodon 0.1.0; deprecated in 4.0.0; may be absent; may be null.
    """

    role: Optional[Role]
    """Role on the server, shown for your own account and on highlighted roles. Added in
    Mastodon 4.0.0; may be absent; may be null.
    """

    source: Optional[CredentialAccountSource]
    """Raw profile data, only for your own account. Added in Mastodon 2.4.0; may be
    absent; may be null.
    """

    mute_expires_at: Optional[datetime]
    """When your mute of the account ends (only in mute lists). Added in Mastodon 3.3.0;
    may be null.
    """

    indexable: bool
    """Whether public posts may appear in full-text search. Added in Mastodon 4.2.0."""

    hide_collections: bool
    """Whether the follower and following lists are hidden. Added in Mastodon 4.1.0."""

    memorial: Optional[bool]
    """Whether the account is a memorial of a deceased person. Added in Mastodon 4.2.0;
    may be absent; may be null.
    """

    avatar_description: str
    """Alt text of the avatar. Added in Mastodon 4.6.0."""

    header_description: str
    """Alt text of the header image. Added in Mastodon 4.6.0."""

    show_media: bool
    """Whether the media tab is shown on the profile. Added in Mastodon 4.6.0."""

    show_media_replies: bool
    """Whether the media tab includes media from replies. Added in Mastodon 4.6.0."""

    show_featured: bool
    """Whether the featured tab is shown on the profile. Added in Mastodon 4.6.0."""

    feature_approval: FeatureApproval
    """Who may feature the account on their profile. Added in Mastodon 4.6.0."""

    invalid_handle: Optional[bool]
    """Whether the account's handle could not be validated. Added in Mastodon 4.7.0; may
    be absent; may be null.
    """

    state: Optional[CredentialAccountState]
    """Usability state, only for your own account. Version of introduction not recorded;
    may be absent; may be null.
    """


class AccountField(AttribAccessDict):
    """One name/value pair from the table of extra fields on a profile.

    Fields as of Mastodon 2.6.0.
    """

    _version = '2.6.0'

    name: str
    """Label of the field. Added in Mastodon 2.4.0."""

    value: str
    """Content of the field as HTML. Added in Mastodon 2.4.0."""

    verified_at: Optional[str]
    """When the link in the value was verified to point back to the profile; None if not
    verified. Added in Mastodon 2.6.0; may be null.
    """


class Role(AttribAccessDict):
    """A role on a server (moderator, admin or a custom one) and what it permits.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    id: IdType
    """Id of the role. Added in Mastodon 4.0.0."""

    name: str
    """Name of the role. Added in Mastodon 4.0.0."""

    permissions: str
    """Permissions granted, as a bit field in a string. Added in Mastodon 4.0.0."""

    color: str
    """Colour of the role badge as a hex string, or empty. Added in Mastodon 4.0.0."""

    highlighted: bool
    """Whether the role is shown as a badge on profiles. Added in Mastodon 4.0.0."""

    collection_limit: int
    """How many collections members of this role may create. Added in Mastodon 4.6.0."""


class CredentialAccountSource(AttribAccessDict):
    """The raw, unrendered profile data and posting defaults of the logged-in account,
    as it can be edited.

    Fields as of Mastodon 4.5.0.
    """

    _version = '4.5.0'

    privacy: str
    """Default visibility of new posts. Added in Mastodon 1.5.0. Values: ``public``,
    ``unlisted``, ``private``, ``direct``.
    """

    sensitive: bool
    """Whether new posts are marked sensitive by default. Added in Mastodon 1.5.0."""

    note: str
    """Profile bio as plain text. Added in Mastodon 1.5.0."""

    language: Optional[str]
    """Default language of new posts. Added in Mastodon 2.4.2; may be null."""

    fields: NonPaginatableList[AccountField]
    """Extra profile fields as plain text. Added in Mastodon 2.4.0."""

    follow_requests_count: int
    """Number of pending follow requests. Added in Mastodon 3.0.0."""

    indexable: bool
    """Whether public posts may appear in full-text search. Added in Mastodon 4.2.0."""

    hide_collections: bool
    """Whether the follower and following lists are hidden. Added in Mastodon 4.1.0."""

    discoverable: Optional[bool]
    """Whether the account opted into the profile directory and discovery features.
    Added in Mastodon 3.1.0; may be null.
    """

    attribution_domains: NonPaginatableList[str]
    """Websites allowed to credit this account as the author of their articles. Added in
    Mastodon 4.4.0.
    """

    quote_policy: str
    """Default quote policy of new posts. Added in Mastodon 4.5.0. Values: ``public``,
    ``followers``, ``nobody``.
    """


class CredentialAccountState(AttribAccessDict):
    """Whether the logged-in account can be used yet, and why not.

    Fields as of Mastodon 0.0.0.
    """

    _version = '0.0.0'

    functional: bool
    """Whether the account can be used. Version of introduction not recorded."""

    confirmed: bool
    """Whether the e-mail address is confirmed. Version of introduction not recorded."""

    approved: bool
    """Whether the sign-up was approved. Version of introduction not recorded."""

    error_code: Optional[str]
    """Machine-readable reason the account cannot be used. Version of introduction not
    recorded; may be null.
    """

    error: Optional[str]
    """Readable reason the account cannot be used. Version of introduction not recorded;
    may be null.
    """


class Status(AttribAccessDict):
    """A post (toot). When it is a boost, ``reblog`` holds the boosted post and most
    other fields describe the boost itself.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    id: MaybeSnowflakeIdType
    """Id of the post on this server. Added in Mastodon 0.1.0."""

    uri: str
    """ActivityPub id of the post. Added in Mastodon 0.1.0."""

    url: Optional[str]
    """Web page of the post, if it has one. Added in Mastodon 0.1.0; may be null."""

    account: Account
    """Author of the post. Added in Mastodon 0.1.0."""

    in_reply_to_id: Optional[MaybeSnowflakeIdType]
    """Id of the post this replies to. Added in Mastodon 0.1.0; may be null."""

    in_reply_to_account_id: Optional[MaybeSnowflakeIdType]
    """Id of the author of the post this replies to. Added in Mastodon 0.1.0; may be
    null.
    """

    reblog: Optional[Status]
    """The boosted post, when this is a boost. Added in Mastodon 0.1.0; may be null."""

    content: str
    """Text of the post as HTML. Added in Mastodon 0.1.0."""

    created_at: datetime
    """When the post was created. Added in Mastodon 0.1.0."""

    reblogs_count: int
    """Number of boosts. Added in Mastodon 0.1.0."""

    favourites_count: int
    """Number of favourites. Added in Mastodon 0.1.0."""

    reblogged: Optional[bool]
    """Whether you boosted it (only when logged in). Added in Mastodon 0.1.0; may be
    absent; may be null.
    """

    favourited: Optional[bool]
    """Whether you favourited it (only when logged in). Added in Mastodon 0.1.0; may be
    absent; may be null.
    """

    sensitive: bool
    """Whether the media is marked sensitive. Added in Mastodon 0.9.9."""

    spoiler_text: str
    """Content warning shown before the content; empty when none. Added in Mastodon
    1.0.0.
    """

    visibility: str
    """Who can see the post. Added in Mastodon 0.9.9. Values: ``public``, ``unlisted``,
    ``private``, ``direct``, ``list``, ``local``.
    """

    mentions: NonPaginatableList[StatusMention]
    """Accounts mentioned. Added in Mastodon 0.6.0."""

    media_attachments: NonPaginatableList[MediaAttachment]
    """Attached media. Added in Mastodon 0.6.0."""

    emojis: NonPaginatableList[CustomEmoji]
    """Custom emoji used in the text. Added in Mastodon 2.0.0."""

    tags: NonPaginatableList[Tag]
    """Hashtags used. Added in Mastodon 0.6.0."""

    bookmarked: Optional[bool]
    """Whether you bookmarked it (only when logged in). Added in Mastodon 3.1.0; may be
    absent; may be null.
    """

    application: Optional[Application]
    """Application the post was made with, when the server shows it. Added in Mastodon
    0.9.9; may be absent; may be null.
    """

    language: Optional[str]
    """Language of the post, if known. Added in Mastodon 1.4.0; may be null."""

    muted: Optional[bool]
    """Whether you muted the conversation (only when logged in). Added in Mastodon
    1.4.0; may be absent; may be null.
    """

    pinned: Optional[bool]
    """Whether it is pinned on your profile (only your own posts). Added in Mastodon
    1.6.0; may be absent; may be null.
    """

    replies_count: int
    """Number of replies. Added in Mastodon 2.5.0."""

    card: Optional[PreviewCard]
    """Preview of the first link in the post, if any. Added in Mastodon 2.6.0; may be
    null.
    """

    poll: Optional[Poll]
    """Attached poll, if any. Added in Mastodon 2.8.0; may be null."""

    edited_at: Optional[datetime]
    """When the post was last edited; None if never. Added in Mastodon 3.5.0; may be
    null.
    """

    filtered: Optional[NonPaginatableList[FilterResult]]
    """Your filters the post matched (only when logged in). Added in Mastodon 4.0.0; may
    be absent; may be null.
    """

    quote: Optional[Union[Quote, ShallowQuote]]
    """The quoted post, if this post quotes one. Added in Mastodon 4.4.0; may be null.
    """

    quotes_count: int
    """Number of quotes of this post. Added in Mastodon 4.5.0."""

    tagged_collections: NonPaginatableList[Collection]
    """Collections this post is tagged with. Added in Mastodon 4.6.0."""

    quote_approval: Optional[QuoteApproval]
    """Who may quote this post. Added in Mastodon 4.5.0; may be null."""


class Quote(AttribAccessDict):
    """A post quoted by another post, with the state of the quote's approval.

    Fields as of Mastodon 4.5.7.
    """

    _version = '4.5.7'

    state: str
    """Approval state of the quote. Added in Mastodon 4.4.0. Values: ``pending``,
    ``accepted``, ``rejected``, ``revoked``, ``deleted``, ``unauthorized``,
    ``blocked_account``, ``blocked_domain``, ``muted_account``.
    """

    quoted_status: Optional[Status]
    """The quoted post, when it may be shown. Added in Mastodon 4.4.0; changed in 4.5.7;
    may be null.
    """


class ShallowQuote(AttribAccessDict):
    """A quote that refers to the quoted post by id only (used where embedding the full
    post would nest too deep).

    Fields as of Mastodon 4.5.7.
    """

    _version = '4.5.7'

    quoted_status_id: Optional[MaybeSnowflakeIdType]
    """Id of the quoted post. Added in Mastodon 4.4.0; changed in 4.5.7; may be null."""

    state: str
    """Approval state of the quote. Added in Mastodon 4.4.0. Values: ``pending``,
    ``accepted``, ``rejected``, ``revoked``, ``deleted``, ``unauthorized``,
    ``blocked_account``, ``blocked_domain``, ``muted_account``.
    """


class QuoteApproval(AttribAccessDict):
    """Who may quote a post: automatically approved audiences, audiences that need
    manual approval, and what applies to you.

    Fields as of Mastodon 4.5.0.
    """

    _version = '4.5.0'

    automatic: NonPaginatableList[str]
    """Audiences whose quotes are approved automatically. Added in Mastodon 4.5.0.
    Values: ``public``, ``followers``, ``following``, ``unsupported_policy``.
    """

    manual: NonPaginatableList[str]
    """Audiences whose quotes need manual approval. Added in Mastodon 4.5.0. Values:
    ``public``, ``followers``, ``following``, ``unsupported_policy``.
    """

    current_user: str
    """What applies to the logged-in user. Added in Mastodon 4.5.0. Values:
    ``automatic``, ``manual``, ``denied``, ``unknown``.
    """


class StatusEdit(AttribAccessDict):
    """One revision of a post, as kept in its edit history.

    Fields as of Mastodon 3.5.0.
    """

    _version = '3.5.0'

    content: str
    """Text of this revision as HTML. Added in Mastodon 3.5.0."""

    spoiler_text: str
    """Content warning of this revision. Added in Mastodon 3.5.0."""

    sensitive: bool
    """Whether this revision was marked sensitive. Added in Mastodon 3.5.0."""

    created_at: datetime
    """When this revision was made. Added in Mastodon 3.5.0."""

    account: Account
    """Account that made this revision. Added in Mastodon 3.5.0."""

    media_attachments: NonPaginatableList[MediaAttachment]
    """Media of this revision. Added in Mastodon 3.5.0."""

    emojis: NonPaginatableList[CustomEmoji]
    """Custom emoji used in this revision. Added in Mastodon 3.5.0."""

    poll: Optional[Poll]
    """Poll of this revision (options only, no votes). Added in Mastodon 3.5.0; may be
    absent; may be null.
    """


class FilterResult(AttribAccessDict):
    """Why a post matched one of your filters: the filter and the keywords or post ids
    that matched.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    filter: Union[Filter, FilterV2]
    """The filter that matched. Added in Mastodon 4.0.0."""

    keyword_matches: Optional[NonPaginatableList[str]]
    """Keywords of the filter found in the post. Added in Mastodon 4.0.0; may be null.
    """

    status_matches: Optional[NonPaginatableList]
    """Ids of the filter's posts that matched. Added in Mastodon 4.0.0; may be null."""


class StatusMention(AttribAccessDict):
    """An account mentioned in a post.

    Fields as of Mastodon 0.6.0.
    """

    _version = '0.6.0'

    url: str
    """Profile page of the mentioned account. Added in Mastodon 0.6.0."""

    username: str
    """User name of the mentioned account. Added in Mastodon 0.6.0."""

    acct: str
    """Address of the mentioned account. Added in Mastodon 0.6.0."""

    id: IdType
    """Id of the mentioned account. Added in Mastodon 0.6.0."""


class ScheduledStatus(AttribAccessDict):
    """A post that is scheduled to be published later.

    Fields as of Mastodon 2.7.0.
    """

    _version = '2.7.0'

    id: IdType
    """Id of the scheduled post. Added in Mastodon 2.7.0."""

    scheduled_at: datetime
    """When the post will be published. Added in Mastodon 2.7.0."""

    params: ScheduledStatusParams
    """The parameters the post will be made with. Added in Mastodon 2.7.0."""

    media_attachments: NonPaginatableList
    """Media that will be attached. Added in Mastodon 2.7.0."""


class ScheduledStatusParams(AttribAccessDict):
    """The parameters a scheduled post will be published with.

    Fields as of Mastodon 4.5.0.
    """

    _version = '4.5.0'

    text: str
    """Text of the post. Added in Mastodon 2.7.0."""

    in_reply_to_id: Optional[MaybeSnowflakeIdType]
    """Id of the post it will reply to. Added in Mastodon 2.7.0; may be null."""

    media_ids: Optional[NonPaginatableList[str]]
    """Ids of the media to attach. Added in Mastodon 2.7.0; may be null."""

    sensitive: Optional[bool]
    """Whether the post will be marked sensitive. Added in Mastodon 2.7.0; may be null.
    """

    visibility: Optional[str]
    """Visibility of the post. Added in Mastodon 2.7.0; may be null."""

    idempotency: Optional[str]
    """Idempotency key the post was scheduled with. Added in Mastodon 2.7.0; may be
    null.
    """

    scheduled_at: Optional[datetime]
    """Requested publication time (as sent on creation). Added in Mastodon 2.7.0; may be
    null.
    """

    spoiler_text: Optional[str]
    """Content warning of the post. Added in Mastodon 2.7.0; may be null."""

    application_id: IdType
    """Id of the application that scheduled it. Added in Mastodon 2.7.0."""

    poll: Optional[Poll]
    """Poll to attach. Added in Mastodon 2.8.0; may be null."""

    language: Optional[str]
    """Language as an ISO 639 code, if known. Added in Mastodon 2.7.0; may be null."""

    allowed_mentions: Optional[NonPaginatableList[str]]
    """Ids of the accounts that may be mentioned. Added in Mastodon 2.7.0; may be null.
    """

    with_rate_limit: bool
    """Whether rate limits apply when it is published. Added in Mastodon 2.7.0."""

    quoted_status_id: Optional[MaybeSnowflakeIdType]
    """Id of the quoted post. Added in Mastodon 4.4.0; may be null."""

    quote_approval_policy: Optional[str]
    """Who may quote the post. Added in Mastodon 4.5.0; may be null. Values: ``public``,
    ``followers``, ``nobody``.
    """


class Poll(AttribAccessDict):
    """A poll attached to a post, with its options and your votes.

    Fields as of Mastodon 2.8.0.
    """

    _version = '2.8.0'

    id: IdType
    """Id of the poll. Added in Mastodon 2.8.0."""

    expires_at: Optional[datetime]
    """When the poll closes; None if it never does. Added in Mastodon 2.8.0; may be
    null.
    """

    expired: bool
    """Whether the poll has closed. Added in Mastodon 2.8.0."""

    multiple: bool
    """Whether several options may be chosen. Added in Mastodon 2.8.0."""

    votes_count: int
    """Number of votes cast. Added in Mastodon 2.8.0."""

    voted: bool
    """Whether you voted (only when logged in). Added in Mastodon 2.8.0."""

    options: NonPaginatableList[PollOption]
    """The options. Added in Mastodon 2.8.0."""

    emojis: NonPaginatableList[CustomEmoji]
    """Custom emoji used in the options. Added in Mastodon 2.8.0."""

    own_votes: NonPaginatableList[int]
    """Indices of the options you chose (only when logged in). Added in Mastodon 2.8.0.
    """

    voters_count: Optional[int]
    """Number of accounts that voted (for multiple-choice polls). Added in Mastodon
    2.8.0; may be null.
    """


class PollOption(AttribAccessDict):
    """One option of a poll and how many votes it has.

    Fields as of Mastodon 2.8.0.
    """

    _version = '2.8.0'

    title: str
    """Text of the option. Added in Mastodon 2.8.0."""

    votes_count: Optional[int]
    """Votes for the option; None while results are hidden. Added in Mastodon 2.8.0; may
    be null.
    """


class Conversation(AttribAccessDict):
    """A direct-message conversation: its participants and latest post.

    Fields as of Mastodon 2.6.0.
    """

    _version = '2.6.0'

    id: IdType
    """Id of the conversation. Added in Mastodon 2.6.0."""

    unread: bool
    """Whether it has unread posts. Added in Mastodon 2.6.0."""

    accounts: NonPaginatableList[Account]
    """The other participants. Added in Mastodon 2.6.0."""

    last_status: Optional[Status]
    """The most recent post. Added in Mastodon 2.6.0; may be null."""


class Tag(AttribAccessDict):
    """A hashtag, with its recent usage and your relation to it where known.

    Fields as of Mastodon 4.4.0.
    """

    _version = '4.4.0'

    name: str
    """The hashtag without the ``#``. Added in Mastodon 0.9.0."""

    url: str
    """Page of the hashtag on this server. Added in Mastodon 0.9.0."""

    history: Optional[NonPaginatableList[TagHistory]]
    """Usage per day, most recent first. Added in Mastodon 2.4.1; may be absent; may be
    null.
    """

    following: Optional[bool]
    """Whether you follow the hashtag (only when logged in). Added in Mastodon 4.0.0;
    may be absent; may be null.
    """

    id: Optional[str]
    """Id of the hashtag (admin views). Added in Mastodon 3.5.0; may be absent; may be
    null.
    """

    trendable: Optional[bool]
    """Whether the hashtag may trend (admin views). Added in Mastodon 3.5.0; may be
    absent; may be null.
    """

    usable: Optional[bool]
    """Whether the hashtag may be used (admin views). Added in Mastodon 3.5.0; may be
    absent; may be null.
    """

    requires_review: Optional[bool]
    """Whether the hashtag awaits review (admin views). Added in Mastodon 3.5.0; may be
    absent; may be null.
    """

    featuring: Optional[bool]
    """Whether you feature the hashtag on your profile. Added in Mastodon 4.4.0; may be
    absent; may be null.
    """


class TagHistory(AttribAccessDict):
    """Usage of a hashtag on one day.

    Fields as of Mastodon 2.4.1.
    """

    _version = '2.4.1'

    day: datetime
    """The day (midnight UTC; sent as UNIX seconds). Added in Mastodon 2.4.1."""

    uses: str
    """Number of posts using the hashtag that day. Added in Mastodon 2.4.1."""

    accounts: str
    """Number of accounts using the hashtag that day. Added in Mastodon 2.4.1."""


class CustomEmoji(AttribAccessDict):
    """A custom emoji of a server, used as ``:shortcode:`` in text.

    Fields as of Mastodon 3.0.0.
    """

    _version = '3.0.0'

    shortcode: str
    """Name used between colons. Added in Mastodon 2.0.0."""

    url: str
    """URL of the (possibly animated) image. Added in Mastodon 2.0.0."""

    static_url: str
    """URL of a still version of the image. Added in Mastodon 2.0.0."""

    visible_in_picker: bool
    """Whether the emoji is offered in emoji pickers. Added in Mastodon 2.0.0."""

    category: Optional[str]
    """Category for grouping in pickers. Added in Mastodon 3.0.0; may be null."""


class Application(AttribAccessDict):
    """An API client application, as registered or as shown on a post.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    id: IdType
    """Id of the application. Added in Mastodon 2.7.0."""

    name: str
    """Name of the application. Added in Mastodon 0.9.9."""

    website: Optional[str]
    """Website of the application. Added in Mastodon 0.9.9; changed in 3.5.1; may be
    null.
    """

    vapid_key: str
    """Server key for Web Push; use the instance's VAPID key instead. Added in Mastodon
    2.8.0; deprecated in 4.3.0.
    """

    redirect_uri: str
    """Registered redirect URIs, one per line; see ``redirect_uris``. Added in Mastodon
    0.0.0; deprecated in 4.3.0.
    """

    redirect_uris: NonPaginatableList[str]
    """Registered redirect URIs. Added in Mastodon 4.3.0."""

    scopes: NonPaginatableList[str]
    """OAuth scopes the application may request. Added in Mastodon 4.3.0."""


class Relationship(AttribAccessDict):
    """How the logged-in account relates to another account (following, blocking, muting
    and so on).

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    id: IdType
    """Id of the other account. Added in Mastodon 0.6.0."""

    following: bool
    """Whether you follow the account. Added in Mastodon 0.6.0."""

    followed_by: bool
    """Whether the account follows you. Added in Mastodon 0.6.0."""

    blocking: bool
    """Whether you block the account. Added in Mastodon 0.6.0."""

    blocked_by: bool
    """Whether the account blocks you. Added in Mastodon 2.8.0."""

    muting: bool
    """Whether you mute the account. Added in Mastodon 1.1.0."""

    muting_notifications: bool
    """Whether your mute also hides its notifications. Added in Mastodon 2.1.0."""

    requested: bool
    """Whether you asked to follow the account and await approval. Added in Mastodon
    0.9.9.
    """

    domain_blocking: bool
    """Whether you block the account's domain. Added in Mastodon 1.4.0."""

    showing_reblogs: bool
    """Whether you see the account's boosts. Added in Mastodon 2.1.0."""

    endorsed: bool
    """Whether you feature the account on your profile. Added in Mastodon 2.5.0."""

    note: str
    """Your private note on the account. Added in Mastodon 3.2.0."""

    notifying: bool
    """Whether you get notified of the account's posts. Added in Mastodon 3.3.0."""

    languages: Optional[NonPaginatableList[str]]
    """Languages of the account's posts you see; None for all. Added in Mastodon 4.0.0;
    may be null.
    """

    requested_by: bool
    """Whether the account asked to follow you. Added in Mastodon 0.9.9."""

    muting_expires_at: Optional[datetime]
    """When your mute ends; None if it does not. Added in Mastodon 4.6.0; may be null.
    """


class Filter(AttribAccessDict):
    """A keyword filter in the original (v1) filter API.

    Fields as of Mastodon 3.1.0.
    """

    _version = '3.1.0'

    id: IdType
    """Id of the filter. Added in Mastodon 2.4.3."""

    phrase: str
    """Text that is filtered. Added in Mastodon 2.4.3."""

    context: NonPaginatableList[str]
    """Where the filter applies. Added in Mastodon 2.4.3. Values: ``home``,
    ``notifications``, ``public``, ``thread``, ``account``.
    """

    expires_at: Optional[datetime]
    """When the filter ends; None if it does not. Added in Mastodon 2.4.3; may be null.
    """

    irreversible: bool
    """Whether matches are dropped by the server instead of hidden. Added in Mastodon
    2.4.3.
    """

    whole_word: bool
    """Whether only whole words match. Added in Mastodon 2.4.3."""


class FilterV2(AttribAccessDict):
    """A filter in the v2 filter API: a named group of keywords and posts that hides or
    warns about matching content in the chosen contexts.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    id: IdType
    """Id of the filter. Added in Mastodon 4.0.0."""

    context: NonPaginatableList[str]
    """Where the filter applies. Added in Mastodon 4.0.0. Values: ``home``,
    ``notifications``, ``public``, ``thread``, ``account``.
    """

    expires_at: Optional[datetime]
    """When the filter ends; None if it does not. Added in Mastodon 4.0.0; may be null.
    """

    title: str
    """Name of the filter. Added in Mastodon 4.0.0."""

    filter_action: str
    """What happens to matches: shown behind a warning or hidden. Added in Mastodon
    4.0.0. Values: ``warn``, ``hide``.
    """

    keywords: NonPaginatableList[FilterKeyword]
    """Keywords the filter matches. Added in Mastodon 4.0.0."""

    statuses: NonPaginatableList[FilterStatus]
    """Individual posts the filter matches. Added in Mastodon 4.0.0."""


class Notification(AttribAccessDict):
    """A notification about something that happened to or concerns you.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    id: IdType
    """Id of the notification. Added in Mastodon 0.9.9."""

    type: str
    """What happened. Added in Mastodon 0.9.9. Values: ``mention``, ``status``,
    ``reblog``, ``follow``, ``follow_request``, ``favourite``, ``poll``, ``update``,
    ``admin.sign_up``, ``admin.report``, ``severed_relationships``,
    ``moderation_warning``, ``quote``, ``quoted_update``.
    """

    created_at: datetime
    """When it happened. Added in Mastodon 0.9.9."""

    account: Account
    """Account that caused the notification. Added in Mastodon 0.9.9."""

    status: Optional[Status]
    """The post concerned, for post-related types. Added in Mastodon 0.9.9; changed in
    4.0.0; may be absent; may be null.
    """

    group_key: str
    """Key of the notification group it belongs to. Added in Mastodon 4.3.0."""

    report: Optional[Report]
    """The report, for report notifications. Added in Mastodon 4.0.0; may be absent; may
    be null.
    """

    event: Optional[RelationshipSeveranceEvent]
    """The relationship severance event, for ``severed_relationships`` notifications.
    Added in Mastodon 4.3.0; may be absent; may be null.
    """

    moderation_warning: Optional[AccountWarning]
    """The moderation warning, for ``moderation_warning`` notifications. Added in
    Mastodon 4.3.0; may be absent; may be null.
    """

    fallback: Optional[NotificationFallback]
    """Text to show if the client does not know this notification type. Added in
    Mastodon 4.6.0; may be absent; may be null.
    """

    collection: Optional[Collection]
    """The collection concerned, for collection notifications. Added in Mastodon 4.6.0;
    may be absent; may be null.
    """


class Context(AttribAccessDict):
    """The posts around a post in its thread: those it replies to and the replies to it.

    Fields as of Mastodon 0.6.0.
    """

    _version = '0.6.0'

    ancestors: NonPaginatableList[Status]
    """Posts this post replies to, oldest first. Added in Mastodon 0.6.0."""

    descendants: NonPaginatableList[Status]
    """Replies to this post, in thread order. Added in Mastodon 0.6.0."""


class UserList(AttribAccessDict):
    """A list of accounts whose posts form their own timeline.

    Fields as of Mastodon 4.2.0.
    """

    _version = '4.2.0'

    id: IdType
    """Id of the list. Added in Mastodon 2.1.0."""

    title: str
    """Name of the list. Added in Mastodon 2.1.0."""

    replies_policy: str
    """Which replies show in the list: ``followed``, ``list`` or ``none``. Added in
    Mastodon 3.3.0.
    """

    exclusive: Optional[bool]
    """Whether members' posts are left out of the home timeline. Added in Mastodon
    4.2.0; may be absent; may be null.
    """


class MediaAttachment(AttribAccessDict):
    """An image, video, audio or other file attached to a post.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    id: MaybeSnowflakeIdType
    """Id of the attachment. Added in Mastodon 0.6.0."""

    type: str
    """Kind of media. Added in Mastodon 0.6.0. Values: ``unknown``, ``image``, ``gifv``,
    ``video``, ``audio``.
    """

    url: str
    """URL of the file on this server. Added in Mastodon 0.6.0."""

    remote_url: Optional[str]
    """URL of the file on its original server, for remote media. Added in Mastodon
    0.6.0; may be null.
    """

    preview_url: Optional[str]
    """URL of a small preview image. Added in Mastodon 0.6.0; may be null."""

    text_url: Optional[str]
    """Short link to the media (no longer provided). Added in Mastodon 0.6.0; removed in
    3.5.0; deprecated; may be absent; may be null.
    """

    meta: MediaAttachmentMetadataContainer
    """Dimensions and other metadata. Added in Mastodon 1.5.0."""

    blurhash: str
    """BlurHash of the image, for a placeholder while it loads. Added in Mastodon 2.8.1.
    """

    description: Optional[str]
    """Alt text describing the media. Added in Mastodon 2.0.0; may be null."""

    preview_remote_url: Optional[str]
    """URL of the preview on its original server. Added in Mastodon 0.6.0; may be null.
    """


class MediaAttachmentMetadataContainer(AttribAccessDict):
    """Metadata of a media attachment: sizes of the original and the preview, focus
    point and colours. ``fps`` and ``length``, which old servers sent for videos, read
    None when absent.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'
    _legacy_map = {'fps': None, 'length': None}

    original: Union[MediaAttachmentImageMetadata, MediaAttachmentVideoMetadata, MediaAttachmentAudioMetadata]
    """Metadata of the original file. Added in Mastodon 0.6.0."""

    small: MediaAttachmentImageMetadata
    """Metadata of the preview image. Added in Mastodon 0.6.0."""

    colors: Optional[MediaAttachmentColors]
    """Dominant colours. Added in Mastodon 4.0.0; may be absent; may be null."""

    focus: Optional[MediaAttachmentFocusPoint]
    """Focus point for cropping. Added in Mastodon 3.3.0; may be absent; may be null."""


class MediaAttachmentImageMetadata(AttribAccessDict):
    """Dimensions of an image (or of a preview image).

    Fields as of Mastodon 0.6.0.
    """

    _version = '0.6.0'

    width: int
    """Width in pixels. Added in Mastodon 0.6.0."""

    height: int
    """Height in pixels. Added in Mastodon 0.6.0."""

    aspect: float
    """Width divided by height. Added in Mastodon 0.6.0."""

    size: str
    """Size as ``WIDTHxHEIGHT``. Added in Mastodon 0.6.0."""


class MediaAttachmentVideoMetadata(AttribAccessDict):
    """Dimensions, frame rate and length of a video.

    Fields as of Mastodon 0.6.0.
    """

    _version = '0.6.0'

    width: int
    """Width in pixels. Added in Mastodon 0.6.0."""

    height: int
    """Height in pixels. Added in Mastodon 0.6.0."""

    frame_rate: str
    """Frame rate as a fraction, e.g. ``30/1``. Added in Mastodon 0.6.0."""

    duration: float
    """Length in seconds. Added in Mastodon 0.6.0."""

    bitrate: int
    """Bitrate in bits per second. Added in Mastodon 0.6.0."""


class MediaAttachmentAudioMetadata(AttribAccessDict):
    """Length and bitrate of an audio file.

    Fields as of Mastodon 0.6.0.
    """

    _version = '0.6.0'

    duration: float
    """Length in seconds. Added in Mastodon 0.6.0."""

    bitrate: int
    """Bitrate in bits per second. Added in Mastodon 0.6.0."""


class MediaAttachmentFocusPoint(AttribAccessDict):
    """The point of an image that crops should keep in view, in coordinates from -1.0 to
    1.0.

    Fields as of Mastodon 2.3.0.
    """

    _version = '2.3.0'

    x: float
    """Horizontal position, -1.0 (left) to 1.0 (right). Added in Mastodon 2.3.0."""

    y: float
    """Vertical position, -1.0 (bottom) to 1.0 (top). Added in Mastodon 2.3.0."""


class MediaAttachmentColors(AttribAccessDict):
    """Dominant colours of an image, as hex strings.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    foreground: str
    """Foreground colour. Added in Mastodon 4.0.0."""

    background: str
    """Background colour. Added in Mastodon 4.0.0."""

    accent: str
    """Accent colour. Added in Mastodon 4.0.0."""


class PreviewCard(AttribAccessDict):
    """A rich preview of a link: title, description, image and embed data.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    url: str
    """The linked URL. Added in Mastodon 1.0.0."""

    title: str
    """Title of the linked page. Added in Mastodon 1.0.0."""

    description: str
    """Summary of the linked page. Added in Mastodon 1.0.0."""

    type: str
    """Kind of preview. Added in Mastodon 1.3.0. Values: ``link``, ``photo``, ``video``,
    ``rich``.
    """

    image: Optional[str]
    """URL of a preview image. Added in Mastodon 1.0.0; may be absent; may be null."""

    author_name: str
    """Author of the page; see ``authors``. Added in Mastodon 1.3.0; deprecated in
    4.3.0.
    """

    author_url: str
    """Link to the author; see ``authors``. Added in Mastodon 1.3.0; deprecated in
    4.3.0.
    """

    width: int
    """Width of the preview image or embed. Added in Mastodon 1.3.0."""

    height: int
    """Height of the preview image or embed. Added in Mastodon 1.3.0."""

    html: str
    """HTML to embed (for video and rich previews). Added in Mastodon 1.3.0."""

    provider_name: str
    """Name of the site. Added in Mastodon 1.3.0."""

    provider_url: str
    """URL of the site. Added in Mastodon 1.3.0."""

    blurhash: Optional[str]
    """BlurHash of the image, for a placeholder while it loads. Added in Mastodon 3.2.0;
    may be null.
    """

    language: Optional[str]
    """Language of the page. Added in Mastodon 1.3.0; may be absent; may be null."""

    embed_url: str
    """URL for embedding a photo preview. Added in Mastodon 2.1.0."""

    authors: NonPaginatableList[PreviewCardAuthor]
    """Authors credited on the page. Added in Mastodon 4.3.0."""

    image_description: str
    """Alt text of the preview image. Added in Mastodon 4.2.0."""

    published_at: Optional[datetime]
    """When the page was published, if known. Added in Mastodon 4.2.0; may be null."""

    history: Optional[NonPaginatableList[TrendingLinkHistory]]
    """Sharing per day, for trending links. Added in Mastodon 3.5.0; may be absent; may
    be null.
    """

    missing_attribution: Optional[bool]
    """Whether the page lacks a fediverse author attribution. Added in Mastodon 4.6.0;
    may be null.
    """


class TrendingLinkHistory(AttribAccessDict):
    """Sharing of a trending link on one day.

    Fields as of Mastodon 3.5.0.
    """

    _version = '3.5.0'

    day: datetime
    """The day (midnight UTC). Added in Mastodon 3.5.0."""

    uses: int
    """Number of shares that day. Added in Mastodon 3.5.0."""

    accounts: int
    """Number of accounts sharing it that day. Added in Mastodon 3.5.0."""


class PreviewCardAuthor(AttribAccessDict):
    """An author credited on a link preview, with their fediverse account if known.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    name: str
    """Name of the author. Added in Mastodon 4.3.0; deprecated."""

    url: str
    """Link to the author. Added in Mastodon 4.3.0."""

    account: Account
    """Fediverse account of the author, if known. Added in Mastodon 4.3.0."""


class Search(AttribAccessDict):
    """Search results in the old v1 format, where hashtags are plain strings.

    Fields as of Mastodon 3.0.0.
    """

    _version = '3.0.0'

    accounts: NonPaginatableList[Account]
    """Matching accounts. Added in Mastodon 1.1.0."""

    hashtags: NonPaginatableList[str]
    """Matching hashtags, as names. Added in Mastodon 1.1.0; deprecated in 2.4.1,
    removed in 3.0.0.
    """

    statuses: NonPaginatableList[Status]
    """Matching posts. Added in Mastodon 1.1.0."""


class SearchV2(AttribAccessDict):
    """Search results: accounts, posts, hashtags and collections.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    accounts: NonPaginatableList[Account]
    """Matching accounts. Added in Mastodon 1.1.0."""

    hashtags: NonPaginatableList[Tag]
    """Matching hashtags. Added in Mastodon 2.4.1."""

    statuses: NonPaginatableList[Status]
    """Matching posts. Added in Mastodon 1.1.0."""

    collections: NonPaginatableList[Collection]
    """Matching collections. Added in Mastodon 4.6.0."""


class Collection(AttribAccessDict):
    """A curated collection of accounts put together by a user.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'
    _rename_map = {'collection_items': 'items'}

    id: MaybeSnowflakeIdType
    """Id of the collection. Added in Mastodon 4.6.0."""

    account_id: MaybeSnowflakeIdType
    """Id of the account that made the collection. Added in Mastodon 4.6.0."""

    uri: str
    """ActivityPub id of the collection. Added in Mastodon 4.6.0."""

    url: Optional[str]
    """Web page of the collection. Added in Mastodon 4.6.0; may be null."""

    name: str
    """Name of the collection. Added in Mastodon 4.6.0."""

    description: str
    """Description as HTML. Added in Mastodon 4.6.0."""

    language: Optional[str]
    """Language of the description. Added in Mastodon 4.6.0; may be null."""

    local: bool
    """Whether the collection was made on this server. Added in Mastodon 4.6.0."""

    sensitive: bool
    """Whether the collection is marked sensitive. Added in Mastodon 4.6.0."""

    discoverable: bool
    """Whether the collection may be suggested to others. Added in Mastodon 4.6.0."""

    tag: Optional[ShallowTag]
    """Hashtag the collection is about, if any. Added in Mastodon 4.6.0; may be null."""

    created_at: datetime
    """When this was created. Added in Mastodon 4.6.0."""

    updated_at: datetime
    """When this was last changed. Added in Mastodon 4.6.0."""

    item_count: int
    """Number of accounts in the collection. Added in Mastodon 4.6.0."""

    collection_items: NonPaginatableList[CollectionItem]
    """Entries of the collection. Added in Mastodon 4.6.0; JSON key ``items``."""


class CollectionItem(AttribAccessDict):
    """One account entry in a collection.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    id: MaybeSnowflakeIdType
    """Id of the entry. Added in Mastodon 4.6.0."""

    account_id: Optional[MaybeSnowflakeIdType]
    """Id of the account in the entry. Added in Mastodon 4.6.0; may be null."""

    state: str
    """Whether the account agreed to be included. Added in Mastodon 4.6.0. Values:
    ``pending``, ``accepted``, ``rejected``, ``revoked``.
    """

    created_at: datetime
    """When this was created. Added in Mastodon 4.6.0."""


class Instance(AttribAccessDict):
    """Information about the server, in the v1 format. Some names of the v2 format are
    readable here too (see ``_access_map``), and ``domain`` reads ``uri``.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'
    _access_map = {
        'uri': 'domain',
        'short_description': 'description',
        'email': 'contact.email',
        'urls': 'configuration.urls',
        'contact_account': 'contact.account',
    }
    _legacy_map = {'domain': 'uri'}

    uri: str
    """Domain name of the server. Added in Mastodon 1.1.0."""

    title: str
    """Name of the server. Added in Mastodon 1.1.0."""

    short_description: str
    """Short plain-text description. Added in Mastodon 2.9.2."""

    description: str
    """Description as HTML. Added in Mastodon 1.1.0; deprecated in 4.0.0."""

    email: str
    """Contact e-mail address. Added in Mastodon 1.1.0."""

    version: str
    """Mastodon version the server runs (forks append their own). Added in Mastodon
    1.3.0.
    """

    urls: InstanceURLs
    """URLs besides the REST API. Added in Mastodon 1.4.2."""

    stats: Optional[InstanceStatistics]
    """Counts of users, posts and known servers. Added in Mastodon 1.6.0; may be absent;
    may be null.
    """

    thumbnail: Optional[str]
    """URL of the banner image. Added in Mastodon 1.6.1; may be null."""

    languages: NonPaginatableList[str]
    """Main languages of the server. Added in Mastodon 2.3.0."""

    registrations: bool
    """Whether new sign-ups are possible. Added in Mastodon 1.6.0."""

    approval_required: bool
    """Whether sign-ups need approval by a moderator. Added in Mastodon 2.9.2."""

    invites_enabled: bool
    """Whether users may invite others. Added in Mastodon 3.1.4; deprecated in 4.0.0."""

    configuration: InstanceConfiguration
    """Limits and settings of the server. Added in Mastodon 3.1.4."""

    contact_account: Account
    """Account to contact about the server. Added in Mastodon 1.1.0."""

    rules: NonPaginatableList[Rule]
    """Rules of the server. Added in Mastodon 3.4.0."""


class InstanceConfiguration(AttribAccessDict):
    """Limits of the server for accounts, posts, media and polls (v1).

    Fields as of Mastodon 3.4.2.
    """

    _version = '3.4.2'

    accounts: InstanceAccountConfiguration
    """Limits on accounts. Added in Mastodon 3.4.2."""

    statuses: InstanceStatusConfiguration
    """Limits on posts. Added in Mastodon 3.4.2."""

    media_attachments: InstanceMediaConfiguration
    """Limits on media. Added in Mastodon 3.4.2."""

    polls: InstancePollConfiguration
    """Limits on polls. Added in Mastodon 3.4.2."""


class InstanceURLs(AttribAccessDict):
    """URLs the server offers besides the REST API (v1).

    Fields as of Mastodon 3.4.2.
    """

    _version = '3.4.2'
    _access_map = {'streaming_api': 'streaming'}

    streaming_api: str
    """Base URL of the streaming API (``wss://...``). Added in Mastodon 3.4.2."""


class InstanceV2(AttribAccessDict):
    """Information about the server, in the v2 format.

    Code written for the v1 format (``Instance``) can read ``uri``,
    ``short_description``, ``email``, ``contact_account`` and ``urls`` (with
    ``urls.streaming_api``) here too: read-only views of ``domain``, ``description``,
    ``contact.email``, ``contact.account`` and ``configuration.urls`` (``streaming``).
    ``stats`` has no v2 equivalent and reads None. These names are not keys, so
    ``keys()`` and the JSON are the server's.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'
    _legacy_map = {
        'uri': 'domain',
        'short_description': 'description',
        'email': 'contact.email',
        'contact_account': 'contact.account',
        'urls': 'configuration.urls',
        'stats': None,
    }

    domain: str
    """Domain name of the server. Added in Mastodon 4.0.0."""

    title: str
    """Name of the server. Added in Mastodon 4.0.0."""

    version: str
    """Mastodon version the server runs. Added in Mastodon 4.0.0."""

    source_url: str
    """Where the source code of the server software is. Added in Mastodon 4.0.0."""

    description: str
    """Short description. Added in Mastodon 4.0.0."""

    usage: InstanceUsage
    """Usage statistics. Added in Mastodon 4.0.0."""

    thumbnail: Optional[InstanceThumbnail]
    """Banner image. Added in Mastodon 4.0.0; may be null."""

    languages: NonPaginatableList[str]
    """Main languages of the server. Added in Mastodon 4.0.0."""

    configuration: InstanceConfigurationV2
    """Limits and settings of the server. Added in Mastodon 4.0.0."""

    registrations: InstanceRegistrations
    """Sign-up settings. Added in Mastodon 4.0.0."""

    contact: InstanceContact
    """How to contact the staff. Added in Mastodon 4.0.0."""

    rules: NonPaginatableList[Rule]
    """Rules of the server. Added in Mastodon 4.0.0."""

    icon: NonPaginatableList[InstanceIcon]
    """The server icon in several sizes. Added in Mastodon 4.3.0."""

    api_versions: AttribAccessDict
    """Versions of the APIs the server implements, by API name (``mastodon`` is the main
    one). Added in Mastodon 4.3.0.
    """

    wrapstodon: Optional[int]
    """Year of the yearly summaries available, if any. Added in Mastodon 4.6.0; may be
    null.
    """


class InstanceIcon(AttribAccessDict):
    """One size of the server's icon.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    src: str
    """URL of the icon. Added in Mastodon 4.3.0."""

    size: str
    """Size as ``WIDTHxHEIGHT``. Added in Mastodon 4.3.0."""


class InstanceConfigurationV2(AttribAccessDict):
    """Configuration and limits of the server (v2).

    Fields as of Mastodon 4.5.0.
    """

    _version = '4.5.0'

    accounts: InstanceAccountConfiguration
    """Limits on accounts. Added in Mastodon 3.4.2."""

    statuses: InstanceStatusConfiguration
    """Limits on posts. Added in Mastodon 3.4.2."""

    media_attachments: InstanceMediaConfiguration
    """Limits on media. Added in Mastodon 3.4.2."""

    polls: InstancePollConfiguration
    """Limits on polls. Added in Mastodon 3.4.2."""

    translation: InstanceTranslationConfiguration
    """Translation support. Added in Mastodon 4.0.0."""

    urls: InstanceURLsV2
    """URLs besides the REST API. Added in Mastodon 4.0.0."""

    vapid: InstanceVapidKey
    """Key for Web Push. Added in Mastodon 4.3.0."""

    limited_federation: bool
    """Whether the server only federates with allowed domains. Added in Mastodon 4.4.0.
    """

    timelines_access: InstanceTimelinesAccessConfiguration
    """Who may read which public feeds. Added in Mastodon 4.5.0."""


class InstanceVapidKey(AttribAccessDict):
    """The server's public key for Web Push.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    public_key: str
    """Public key for Web Push subscriptions. Added in Mastodon 4.3.0."""


class InstanceURLsV2(AttribAccessDict):
    """URLs the server offers besides the REST API (v2).

    Fields as of Mastodon 4.4.0.
    """

    _version = '4.4.0'
    _legacy_map = {'streaming_api': 'streaming'}

    streaming: str
    """Base URL of the streaming API. Added in Mastodon 4.0.0."""

    status: Optional[str]
    """Status page of the server. Added in Mastodon 4.0.0; may be absent; may be null.
    """

    about: Optional[str]
    """About page of the server. Added in Mastodon 4.4.0; may be absent; may be null."""

    privacy_policy: Optional[str]
    """Privacy policy of the server. Added in Mastodon 4.4.0; may be absent; may be
    null.
    """

    terms_of_service: Optional[str]
    """Terms of service of the server. Added in Mastodon 4.4.0; may be absent; may be
    null.
    """


class InstanceThumbnail(AttribAccessDict):
    """The server's banner image.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    url: str
    """URL of the banner image. Added in Mastodon 4.0.0."""

    blurhash: Optional[str]
    """BlurHash of the image, for a placeholder while it loads. Added in Mastodon 4.0.0;
    may be absent; may be null.
    """

    versions: Optional[InstanceThumbnailVersions]
    """The banner at other pixel densities. Added in Mastodon 4.0.0; may be absent; may
    be null.
    """

    description: str
    """Alt text of the banner. Added in Mastodon 4.6.0."""


class InstanceThumbnailVersions(AttribAccessDict):
    """The server banner at other pixel densities. The JSON keys ``@1x`` and ``@2x`` are
    read as ``at1x`` and ``at2x``.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'
    _rename_map = {'at1x': '@1x', 'at2x': '@2x'}

    at1x: Optional[str]
    """URL of the banner at normal density. Added in Mastodon 4.0.0; may be absent; may
    be null; JSON key ``@1x``.
    """

    at2x: Optional[str]
    """URL of the banner at double density. Added in Mastodon 4.0.0; may be absent; may
    be null; JSON key ``@2x``.
    """


class InstanceStatistics(AttribAccessDict):
    """Counts of users, posts and known servers.

    Fields as of Mastodon 1.6.0.
    """

    _version = '1.6.0'

    user_count: int
    """Number of local users. Added in Mastodon 1.6.0."""

    status_count: int
    """Number of local posts. Added in Mastodon 1.6.0."""

    domain_count: int
    """Number of other servers known. Added in Mastodon 1.6.0."""


class InstanceUsage(AttribAccessDict):
    """Usage statistics of the server.

    Fields as of Mastodon 3.0.0.
    """

    _version = '3.0.0'

    users: InstanceUsageUsers
    """Active users. Added in Mastodon 3.0.0."""


class InstanceUsageUsers(AttribAccessDict):
    """Active-user statistics of the server.

    Fields as of Mastodon 3.0.0.
    """

    _version = '3.0.0'

    active_month: int
    """Users active in the last four weeks. Added in Mastodon 3.0.0."""


class RuleTranslation(AttribAccessDict):
    """A server rule in one other language.

    Fields as of Mastodon 4.4.0.
    """

    _version = '4.4.0'

    text: str
    """The rule. Added in Mastodon 4.4.0."""

    hint: str
    """Longer explanation of the rule. Added in Mastodon 4.4.0."""


class Rule(AttribAccessDict):
    """A rule of the server that users agree to.

    Fields as of Mastodon 4.4.0.
    """

    _version = '4.4.0'

    id: IdType
    """Id of the rule. Added in Mastodon 3.4.0."""

    text: str
    """The rule. Added in Mastodon 3.4.0."""

    hint: str
    """Longer explanation of the rule. Added in Mastodon 4.3.0."""

    translations: AttribAccessDict[str, RuleTranslation]
    """The rule in other languages, by language code. Added in Mastodon 4.4.0."""


class InstanceRegistrations(AttribAccessDict):
    """Whether and how new accounts can sign up.

    Fields as of Mastodon 4.4.0.
    """

    _version = '4.4.0'

    approval_required: bool
    """Whether sign-ups need approval. Added in Mastodon 4.0.0."""

    enabled: bool
    """Whether sign-ups are open. Added in Mastodon 4.0.0."""

    message: Optional[str]
    """Message shown when sign-ups are closed, as HTML. Added in Mastodon 4.0.0; may be
    null.
    """

    url: Optional[str]
    """Where to sign up instead, if elsewhere. Added in Mastodon 4.2.0; may be null."""

    sign_up_url: Optional[str]
    """URL of the sign-up page. Added in Mastodon 4.2.0; may be absent; may be null."""

    reason_required: Optional[bool]
    """Whether applicants must give a reason. Added in Mastodon 4.4.0; may be null."""

    min_age: Optional[int]
    """Minimum age for signing up, if one is set. Added in Mastodon 4.4.0; may be null.
    """


class InstanceContact(AttribAccessDict):
    """How to contact the server's staff.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    account: Account
    """Account to contact about the server. Added in Mastodon 4.0.0."""

    email: str
    """Contact e-mail address. Added in Mastodon 4.0.0."""


class InstanceAccountConfiguration(AttribAccessDict):
    """Limits the server sets on accounts and profiles.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    max_featured_tags: int
    """Most hashtags a profile may feature. Added in Mastodon 4.0.0."""

    max_pinned_statuses: int
    """Most posts a profile may pin. Added in Mastodon 4.3.0."""

    max_display_name_length: int
    """Longest allowed display name. Added in Mastodon 4.6.0."""

    max_note_length: int
    """Longest allowed bio. Added in Mastodon 4.6.0."""

    max_avatar_description_length: int
    """Longest allowed avatar alt text. Added in Mastodon 4.6.0."""

    max_header_description_length: int
    """Longest allowed header alt text. Added in Mastodon 4.6.0."""

    max_profile_fields: int
    """Most extra profile fields allowed. Added in Mastodon 4.6.0."""

    profile_field_name_limit: int
    """Longest allowed profile field label. Added in Mastodon 4.6.0."""

    profile_field_value_limit: int
    """Longest allowed profile field value. Added in Mastodon 4.6.0."""


class InstanceStatusConfiguration(AttribAccessDict):
    """Limits the server sets on posts.

    Fields as of Mastodon 3.4.2.
    """

    _version = '3.4.2'

    max_characters: int
    """Longest allowed post, in characters. Added in Mastodon 3.4.2."""

    max_media_attachments: int
    """Most media per post. Added in Mastodon 3.4.2."""

    characters_reserved_per_url: int
    """Characters a link counts as, whatever its length. Added in Mastodon 3.4.2."""


class InstanceTranslationConfiguration(AttribAccessDict):
    """Whether the server can translate posts.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    enabled: bool
    """Whether posts can be translated. Added in Mastodon 4.0.0."""


class InstanceMediaConfiguration(AttribAccessDict):
    """Limits the server sets on media uploads.

    Fields as of Mastodon 4.4.0.
    """

    _version = '4.4.0'

    supported_mime_types: NonPaginatableList[str]
    """Accepted file types. Added in Mastodon 3.4.2."""

    image_size_limit: int
    """Largest image, in bytes. Added in Mastodon 3.4.2."""

    image_matrix_limit: int
    """Most pixels an image may have. Added in Mastodon 3.4.2."""

    video_size_limit: int
    """Largest video, in bytes. Added in Mastodon 3.4.2."""

    video_frame_rate_limit: int
    """Highest video frame rate. Added in Mastodon 3.4.2."""

    video_matrix_limit: int
    """Most pixels a video frame may have. Added in Mastodon 3.4.2."""

    description_limit: int
    """Longest allowed alt text. Added in Mastodon 4.4.0."""


class InstancePollConfiguration(AttribAccessDict):
    """Limits the server sets on polls.

    Fields as of Mastodon 3.4.2.
    """

    _version = '3.4.2'

    max_options: int
    """Most options a poll may have. Added in Mastodon 3.4.2."""

    max_characters_per_option: int
    """Longest allowed option. Added in Mastodon 3.4.2."""

    min_expiration: int
    """Shortest poll duration, in seconds. Added in Mastodon 3.4.2."""

    max_expiration: int
    """Longest poll duration, in seconds. Added in Mastodon 3.4.2."""


class InstanceTimelinesAccessConfiguration(AttribAccessDict):
    """Who may read the server's live feeds, hashtag feeds and trending-link feeds.

    Fields as of Mastodon 4.5.0.
    """

    _version = '4.5.0'

    live_feeds: InstanceTimelinesAccessFeedConfiguration
    """Access to the live (public) feeds. Added in Mastodon 4.5.0."""

    hashtag_feeds: InstanceTimelinesAccessFeedConfiguration
    """Access to hashtag feeds. Added in Mastodon 4.5.0."""

    trending_link_feeds: InstanceTimelinesAccessFeedConfiguration
    """Access to feeds of trending links. Added in Mastodon 4.5.0."""


class InstanceTimelinesAccessFeedConfiguration(AttribAccessDict):
    """Who may read one kind of feed, for local and for remote content.

    Fields as of Mastodon 4.5.0.
    """

    _version = '4.5.0'

    local: str
    """Who may read local content. Added in Mastodon 4.5.0. Values: ``public``,
    ``authenticated``, ``disabled``.
    """

    remote: str
    """Who may read remote content. Added in Mastodon 4.5.0. Values: ``public``,
    ``authenticated``, ``disabled``.
    """


class Nodeinfo(AttribAccessDict):
    """The server's NodeInfo document, a cross-software description of a fediverse
    server.

    Fields as of Mastodon 3.0.0.
    """

    _version = '3.0.0'

    version: str
    """Version of the NodeInfo schema. Added in Mastodon 3.0.0."""

    software: NodeinfoSoftware
    """The server software. Added in Mastodon 3.0.0."""

    protocols: NonPaginatableList[str]
    """Federation protocols supported. Added in Mastodon 3.0.0."""

    services: NodeinfoServices
    """Connected third-party services. Added in Mastodon 3.0.0."""

    usage: NodeinfoUsage
    """Usage statistics. Added in Mastodon 3.0.0."""

    openRegistrations: bool
    """Whether sign-ups are open. Added in Mastodon 3.0.0."""

    metadata: NodeinfoMetadata
    """Free-form metadata. Added in Mastodon 3.0.0."""


class NodeinfoSoftware(AttribAccessDict):
    """The server software named in NodeInfo.

    Fields as of Mastodon 3.0.0.
    """

    _version = '3.0.0'

    name: str
    """Name of the software. Added in Mastodon 3.0.0."""

    version: str
    """Version of the software. Added in Mastodon 3.0.0."""


class NodeinfoServices(AttribAccessDict):
    """Third-party services the server connects to, per NodeInfo.

    Fields as of Mastodon 3.0.0.
    """

    _version = '3.0.0'

    outbound: NonPaginatableList
    """Services the server can publish to. Added in Mastodon 3.0.0."""

    inbound: NonPaginatableList
    """Services the server can receive from. Added in Mastodon 3.0.0."""


class NodeinfoUsage(AttribAccessDict):
    """Usage statistics from NodeInfo.

    Fields as of Mastodon 3.0.0.
    """

    _version = '3.0.0'

    users: NodeinfoUsageUsers
    """User counts. Added in Mastodon 3.0.0."""

    localPosts: int
    """Number of local posts. Added in Mastodon 3.0.0."""


class NodeinfoUsageUsers(AttribAccessDict):
    """User counts from NodeInfo.

    Fields as of Mastodon 3.0.0.
    """

    _version = '3.0.0'

    total: int
    """Number of users. Added in Mastodon 3.0.0."""

    activeMonth: int
    """Users active in the last month. Added in Mastodon 3.0.0."""

    activeHalfyear: int
    """Users active in the last six months. Added in Mastodon 3.0.0."""


class NodeinfoMetadata(AttribAccessDict):
    """Free-form server metadata from NodeInfo.

    Fields as of Mastodon 4.4.0.
    """

    _version = '4.4.0'

    nodeName: str
    """Name of the server. Added in Mastodon 4.4.0."""

    nodeDescription: Optional[str]
    """Description of the server. Added in Mastodon 4.4.0; may be null."""

    optInServerDirectory: Optional[bool]
    """Whether the server wants to be listed in server directories. Version of
    introduction not recorded; may be absent; may be null.
    """

    optInServerRecommendation: Optional[bool]
    """Whether the server wants to be recommended to new users. Version of introduction
    not recorded; may be absent; may be null.
    """


class Activity(AttribAccessDict):
    """Server activity during one week.

    Fields as of Mastodon 2.1.2.
    """

    _version = '2.1.2'

    week: datetime
    """First day of the week (sent as UNIX seconds). Added in Mastodon 2.1.2."""

    logins: int
    """Users that logged in that week. Added in Mastodon 2.1.2."""

    registrations: int
    """Sign-ups that week. Added in Mastodon 2.1.2."""

    statuses: int
    """Posts made that week. Added in Mastodon 2.1.2."""


class Report(AttribAccessDict):
    """A report you filed against an account.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    id: IdType
    """Id of the report. Added in Mastodon 2.9.1."""

    action_taken: bool
    """Whether moderators acted on the report. Added in Mastodon 2.9.1."""

    comment: str
    """Your explanation of the report. Added in Mastodon 2.9.1."""

    created_at: datetime
    """When the report was filed. Added in Mastodon 2.9.1."""

    target_account: Account
    """The reported account. Added in Mastodon 2.9.1."""

    status_ids: NonPaginatableList[IdType]
    """Ids of the reported posts. Added in Mastodon 2.9.1."""

    action_taken_at: Optional[datetime]
    """When moderators acted on the report; None if they have not. Added in Mastodon
    2.9.1; may be null.
    """

    category: str
    """Reason category of the report. Added in Mastodon 3.5.0."""

    forwarded: bool
    """Whether the report was forwarded to the reported account's server. Added in
    Mastodon 4.0.0.
    """

    rules_ids: NonPaginatableList[IdType]
    """Ids of the rules said to be broken. Added in Mastodon 3.5.0."""


class AdminReport(AttribAccessDict):
    """A report as moderators see it, with who handled it.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    id: IdType
    """Id of the report. Added in Mastodon 2.9.1."""

    action_taken: bool
    """Whether moderators acted on the report. Added in Mastodon 2.9.1."""

    comment: str
    """The reporter's explanation. Added in Mastodon 2.9.1."""

    created_at: datetime
    """When the report was filed. Added in Mastodon 2.9.1."""

    updated_at: datetime
    """When this was last changed. Added in Mastodon 2.9.1."""

    account: Account
    """Account that filed the report. Added in Mastodon 2.9.1."""

    target_account: Account
    """The reported account. Added in Mastodon 2.9.1."""

    assigned_account: Optional[AdminAccount]
    """Moderator the report is assigned to. Added in Mastodon 2.9.1; may be null."""

    action_taken_by_account: Optional[AdminAccount]
    """Moderator who acted on the report. Added in Mastodon 2.9.1; may be null."""

    statuses: NonPaginatableList[Status]
    """The reported posts. Added in Mastodon 2.9.1."""

    action_taken_at: Optional[datetime]
    """When moderators acted on the report; None if they have not. Added in Mastodon
    2.9.1; may be null.
    """

    category: str
    """Reason category of the report. Added in Mastodon 3.5.0."""

    forwarded: Optional[bool]
    """Whether the report was forwarded to the reported account's server. Added in
    Mastodon 4.0.0; may be null.
    """

    rules: NonPaginatableList[Rule]
    """Rules said to be broken. Added in Mastodon 3.5.0."""


class WebPushSubscription(AttribAccessDict):
    """Your Web Push subscription: where notifications are pushed and which kinds.

    Fields as of Mastodon 4.4.0.
    """

    _version = '4.4.0'

    id: IdType
    """Id of the subscription. Added in Mastodon 2.4.0."""

    endpoint: str
    """Where the server pushes notifications to. Added in Mastodon 2.4.0."""

    server_key: str
    """The server's public key, for verifying pushes. Added in Mastodon 2.4.0."""

    alerts: WebPushSubscriptionAlerts
    """Which kinds of notification are pushed. Added in Mastodon 2.4.0."""

    policy: str
    """Which accounts' notifications are pushed. Added in Mastodon 2.4.0. Values:
    ``all``, ``none``, ``follower``, ``followed``.
    """

    standard: bool
    """Whether pushes use the standard Web Push encryption (RFC 8291) instead of the
    older draft. Added in Mastodon 4.4.0.
    """


class WebPushSubscriptionAlerts(AttribAccessDict):
    """Which kinds of notification a Web Push subscription delivers.

    Fields as of Mastodon 4.5.0.
    """

    _version = '4.5.0'
    _rename_map = {'admin_sign_up': 'admin.sign_up', 'admin_report': 'admin.report'}

    follow: Optional[bool]
    """Push new followers. Added in Mastodon 2.4.0; may be null."""

    favourite: Optional[bool]
    """Push favourites of your posts. Added in Mastodon 2.4.0; may be null."""

    reblog: Optional[bool]
    """Push boosts of your posts. Added in Mastodon 2.4.0; may be null."""

    mention: Optional[bool]
    """Push mentions. Added in Mastodon 2.4.0; may be null."""

    poll: Optional[bool]
    """Push results of polls you voted in or made. Added in Mastodon 2.8.0; may be null.
    """

    follow_request: Optional[bool]
    """Push follow requests. Added in Mastodon 2.4.0; may be null."""

    status: Optional[bool]
    """Push posts of accounts you get notified about. Added in Mastodon 3.1.0; may be
    null.
    """

    update: Optional[bool]  # type: ignore[assignment]
    """Push edits of posts you interacted with. Read as ``alerts['update']`` or
    ``alerts.update`` (the attribute is the dict method when the key is absent). Added
    in Mastodon 3.3.0; may be null.
    """

    admin_sign_up: Optional[bool]
    """Push new sign-ups (moderators). Added in Mastodon 3.5.0; may be null; JSON key
    ``admin.sign_up``.
    """

    admin_report: Optional[bool]
    """Push new reports (moderators). Added in Mastodon 4.0.0; may be null; JSON key
    ``admin.report``.
    """

    quote: Optional[bool]
    """Push quotes of your posts. Added in Mastodon 4.5.0; may be null."""

    quoted_update: Optional[bool]
    """Push edits of posts you quoted. Added in Mastodon 4.5.0; may be null."""


class PushNotification(AttribAccessDict):
    """The decrypted payload of a Web Push notification.

    Fields as of Mastodon 2.4.0.
    """

    _version = '2.4.0'

    access_token: str
    """Access token of the account the push is for. Added in Mastodon 2.4.0."""

    body: str
    """Body text of the notification. Added in Mastodon 2.4.0."""

    icon: str
    """URL of an icon to show. Added in Mastodon 2.4.0."""

    notification_id: IdType
    """Id of the notification, for fetching it. Added in Mastodon 2.4.0."""

    notification_type: str
    """Kind of notification. Added in Mastodon 2.4.0. Values: ``follow``, ``favourite``,
    ``reblog``, ``mention``, ``poll``, ``follow_request``, ``status``, ``update``,
    ``admin_sign_up``, ``admin_report``.
    """

    preferred_locale: str
    """Language of the receiving user. Added in Mastodon 2.4.0."""

    title: str
    """Title of the notification. Added in Mastodon 2.4.0."""


class Preferences(AttribAccessDict):
    """The logged-in user's preferences for posting and reading. The JSON keys contain
    colons (``posting:default:visibility``); they are read under names with underscores.

    Fields as of Mastodon 4.5.0.
    """

    _version = '4.5.0'
    _rename_map = {
        'posting_default_visibility': 'posting:default:visibility',
        'posting_default_sensitive': 'posting:default:sensitive',
        'posting_default_language': 'posting:default:language',
        'reading_expand_media': 'reading:expand:media',
        'reading_expand_spoilers': 'reading:expand:spoilers',
        'reading_autoplay_gifs': 'reading:autoplay:gifs',
        'posting_default_quote_policy': 'posting:default:quote_policy',
    }

    posting_default_visibility: str
    """Default visibility of new posts. Added in Mastodon 2.8.0; JSON key
    ``posting:default:visibility``.
    """

    posting_default_sensitive: bool
    """Whether media is marked sensitive by default. Added in Mastodon 2.8.0; JSON key
    ``posting:default:sensitive``.
    """

    posting_default_language: Optional[str]
    """Default language of new posts. Added in Mastodon 2.8.0; may be null; JSON key
    ``posting:default:language``.
    """

    reading_expand_media: str
    """When to show sensitive media: ``default``, ``show_all`` or ``hide_all``. Added in
    Mastodon 2.8.0; JSON key ``reading:expand:media``.
    """

    reading_expand_spoilers: bool
    """Whether posts behind content warnings are expanded. Added in Mastodon 2.8.0; JSON
    key ``reading:expand:spoilers``.
    """

    reading_autoplay_gifs: bool
    """Whether animated images play automatically. Added in Mastodon 2.8.0; JSON key
    ``reading:autoplay:gifs``.
    """

    posting_default_quote_policy: str
    """Default quote policy of new posts. Added in Mastodon 4.5.0; JSON key
    ``posting:default:quote_policy``.
    """


class FeaturedTag(AttribAccessDict):
    """A hashtag featured on a profile.

    Fields as of Mastodon 3.3.0.
    """

    _version = '3.3.0'

    id: IdType
    """Id of the featured hashtag. Added in Mastodon 3.0.0."""

    name: str
    """The hashtag without the ``#``. Added in Mastodon 3.0.0."""

    statuses_count: str
    """Number of your posts with the hashtag. Added in Mastodon 3.0.0."""

    last_status_at: Optional[datetime]
    """Day of your latest post with the hashtag. Added in Mastodon 3.0.0; may be null.
    """

    url: str
    """Page of the hashtag on your profile. Added in Mastodon 3.3.0."""


class Marker(AttribAccessDict):
    """A saved read position in a timeline.

    Fields as of Mastodon 3.0.0.
    """

    _version = '3.0.0'

    last_read_id: IdType
    """Id of the last item read. Added in Mastodon 3.0.0."""

    version: int
    """Counter that goes up with each update, for detecting conflicts. Added in Mastodon
    3.0.0.
    """

    updated_at: datetime
    """When the marker was last saved. Added in Mastodon 3.0.0."""


class Announcement(AttribAccessDict):
    """An announcement from the server's staff.

    Fields as of Mastodon 3.1.0.
    """

    _version = '3.1.0'

    id: IdType
    """Id of the announcement. Added in Mastodon 3.1.0."""

    content: str
    """Text as HTML. Added in Mastodon 3.1.0."""

    starts_at: Optional[datetime]
    """When the announced event starts, if it has a time. Added in Mastodon 3.1.0; may
    be null.
    """

    ends_at: Optional[datetime]
    """When the announced event ends, if it has a time. Added in Mastodon 3.1.0; may be
    null.
    """

    all_day: bool
    """Whether only the dates of the event matter. Added in Mastodon 3.1.0."""

    published_at: datetime
    """When it was published. Added in Mastodon 3.1.0."""

    updated_at: datetime
    """When it was last changed. Added in Mastodon 3.1.0."""

    read: bool
    """Whether you dismissed it (only when logged in). Added in Mastodon 3.1.0."""

    mentions: NonPaginatableList[StatusMention]
    """Accounts mentioned. Added in Mastodon 3.1.0."""

    tags: NonPaginatableList
    """Hashtags used. Added in Mastodon 3.1.0."""

    emojis: NonPaginatableList
    """Custom emoji used. Added in Mastodon 3.1.0."""

    reactions: NonPaginatableList[Reaction]
    """Emoji reactions. Added in Mastodon 3.1.0."""

    statuses: NonPaginatableList
    """Posts linked. Added in Mastodon 3.1.0."""


class Reaction(AttribAccessDict):
    """An emoji reaction to an announcement.

    Fields as of Mastodon 3.1.0.
    """

    _version = '3.1.0'

    name: str
    """The emoji (a Unicode character or a custom shortcode). Added in Mastodon 3.1.0.
    """

    count: int
    """Number of accounts that reacted with it. Added in Mastodon 3.1.0."""

    me: bool
    """Whether you reacted with it. Added in Mastodon 3.1.0."""

    url: Optional[str]
    """Image URL, for custom emoji. Added in Mastodon 3.1.0; may be null."""

    static_url: Optional[str]
    """Still image URL, for custom emoji. Added in Mastodon 3.1.0; may be null."""


class StreamReaction(AttribAccessDict):
    """An emoji reaction to an announcement, as sent over the streaming API.

    Fields as of Mastodon 3.1.0.
    """

    _version = '3.1.0'

    name: str
    """The emoji. Added in Mastodon 3.1.0."""

    count: int
    """Number of accounts that reacted with it. Added in Mastodon 3.1.0."""

    announcement_id: IdType
    """Id of the announcement. Added in Mastodon 3.1.0."""


class FamiliarFollowers(AttribAccessDict):
    """Accounts you follow that also follow a given account.

    Fields as of Mastodon 3.5.0.
    """

    _version = '3.5.0'

    id: IdType
    """Id of the account asked about. Added in Mastodon 3.5.0."""

    accounts: NonPaginatableList[Account]
    """Accounts you follow that follow it. Added in Mastodon 3.5.0."""


class AdminAccount(AttribAccessDict):
    """An account as moderators see it, with sign-up and moderation data.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    id: IdType
    """Id of the account. Added in Mastodon 2.9.1."""

    username: str
    """User name. Added in Mastodon 2.9.1."""

    domain: Optional[str]
    """Domain of a remote account; None for local ones. Added in Mastodon 2.9.1; may be
    null.
    """

    created_at: datetime
    """When the account was created. Added in Mastodon 2.9.1."""

    email: str
    """E-mail address of a local account. Added in Mastodon 2.9.1."""

    ip: Optional[str]
    """Most recent IP address. Added in Mastodon 2.9.1; changed in 3.5.0, changed in
    4.0.0; may be null.
    """

    role: Role
    """Role on the server. Added in Mastodon 2.9.1; changed in 4.0.0."""

    confirmed: bool
    """Whether the e-mail address is confirmed. Added in Mastodon 2.9.1."""

    suspended: bool
    """Whether the account is suspended. Added in Mastodon 2.9.1."""

    silenced: bool
    """Whether the account is limited. Added in Mastodon 2.9.1."""

    disabled: bool
    """Whether logging in is disabled. Added in Mastodon 2.9.1."""

    approved: bool
    """Whether the sign-up was approved. Added in Mastodon 2.9.1."""

    locale: str
    """Interface language. Added in Mastodon 2.9.1."""

    invite_request: Optional[str]
    """Reason given when signing up. Added in Mastodon 2.9.1; may be null."""

    account: Account
    """The account as users see it. Added in Mastodon 2.9.1."""

    sensitized: bool
    """Whether all its media is forced sensitive. Added in Mastodon 2.9.1."""

    ips: NonPaginatableList[AdminIp]
    """IP addresses used. Added in Mastodon 3.5.0."""

    created_by_application_id: Optional[IdType]
    """Id of the application that created it. Added in Mastodon 2.9.1; may be absent;
    may be null.
    """

    invited_by_account_id: Optional[IdType]
    """Id of the account that invited it. Added in Mastodon 2.9.1; may be absent; may be
    null.
    """


class AdminIp(AttribAccessDict):
    """An IP address an account has used.

    Fields as of Mastodon 3.5.0.
    """

    _version = '3.5.0'

    ip: str
    """IP address. Added in Mastodon 3.5.0."""

    used_at: str
    """When the address was last used. Added in Mastodon 3.5.0."""


class AdminMeasure(AttribAccessDict):
    """A metric of the admin dashboard over a time range.

    Fields as of Mastodon 3.5.0.
    """

    _version = '3.5.0'

    key: str
    """Which metric this is. Added in Mastodon 3.5.0. Values: ``active_users``,
    ``new_users``, ``interactions``, ``opened_reports``, ``resolved_reports``,
    ``tag_accounts``, ``tag_uses``, ``tag_servers``, ``instance_accounts``,
    ``instance_media_attachments``, ``instance_reports``, ``instance_statuses``,
    ``instance_follows``, ``instance_followers``.
    """

    unit: Optional[str]
    """Unit of the values, if any. Added in Mastodon 3.5.0; may be null."""

    total: str
    """Total over the time range. Added in Mastodon 3.5.0."""

    human_value: Optional[str]
    """Total formatted for display, if the metric has a unit. Added in Mastodon 3.5.0;
    may be null.
    """

    previous_total: Optional[str]
    """Total over the preceding range of the same length. Added in Mastodon 3.5.0; may
    be null.
    """

    data: NonPaginatableList[AdminMeasureData]
    """Values per day. Added in Mastodon 3.5.0."""


class AdminMeasureData(AttribAccessDict):
    """The value of a dashboard metric on one day.

    Fields as of Mastodon 3.5.0.
    """

    _version = '3.5.0'

    date: datetime
    """The day (midnight UTC). Added in Mastodon 3.5.0."""

    value: int
    """Value that day. Added in Mastodon 3.5.0."""


class AdminDimension(AttribAccessDict):
    """A breakdown of the admin dashboard (for example by language).

    Fields as of Mastodon 3.5.0.
    """

    _version = '3.5.0'

    key: str
    """Which breakdown this is. Added in Mastodon 3.5.0."""

    data: NonPaginatableList[AdminDimensionData]
    """Entries of the breakdown. Added in Mastodon 3.5.0."""


class AdminDimensionData(AttribAccessDict):
    """One entry of a dashboard breakdown.

    Fields as of Mastodon 3.5.0.
    """

    _version = '3.5.0'

    key: str
    """Key of the entry. Added in Mastodon 3.5.0."""

    human_key: str
    """Key formatted for display. Added in Mastodon 3.5.0."""

    value: int
    """Value of the entry. Added in Mastodon 3.5.0."""


class AdminRetention(AttribAccessDict):
    """A sign-up cohort and how many of its users stayed active.

    Fields as of Mastodon 3.5.0.
    """

    _version = '3.5.0'

    period: datetime
    """Start of the cohort's sign-up period. Added in Mastodon 3.5.0."""

    frequency: str
    """Length of the periods: ``day`` or ``month``. Added in Mastodon 3.5.0."""

    data: NonPaginatableList[AdminCohort]
    """Retention in each following period. Added in Mastodon 3.5.0."""


class AdminCohort(AttribAccessDict):
    """User retention of a cohort in one period.

    Fields as of Mastodon 3.5.0.
    """

    _version = '3.5.0'

    date: datetime
    """Start of the period. Added in Mastodon 3.5.0."""

    rate: float
    """Share of the cohort active in the period, 0.0 to 1.0. Added in Mastodon 3.5.0."""

    value: int
    """Number of the cohort's users active in the period. Added in Mastodon 3.5.0."""


class AdminDomainBlock(AttribAccessDict):
    """A domain block as moderators manage it.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    id: IdType
    """Id of the block. Added in Mastodon 4.0.0."""

    domain: str
    """The blocked domain. Added in Mastodon 4.0.0."""

    created_at: datetime
    """When the block was made. Added in Mastodon 4.0.0."""

    severity: str
    """How strict the block is. Added in Mastodon 4.0.0. Values: ``silence``,
    ``suspend``, ``noop``.
    """

    reject_media: bool
    """Whether media from the domain is not stored. Added in Mastodon 4.0.0."""

    reject_reports: bool
    """Whether reports from the domain are ignored. Added in Mastodon 4.0.0."""

    private_comment: Optional[str]
    """Note visible to moderators only. Added in Mastodon 4.0.0; may be null."""

    public_comment: Optional[str]
    """Reason shown publicly. Added in Mastodon 4.0.0; may be null."""

    obfuscate: bool
    """Whether the domain is partly hidden in public lists. Added in Mastodon 4.0.0."""

    digest: Optional[str]
    """SHA-256 hash of the domain name. Added in Mastodon 4.3.0; may be null."""


class AdminCanonicalEmailBlock(AttribAccessDict):
    """A blocked e-mail address, stored as a hash of its canonical form.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    id: IdType
    """Id of the block. Added in Mastodon 4.0.0."""

    canonical_email_hash: str
    """SHA-256 hash of the canonical address. Added in Mastodon 4.0.0."""


class AdminDomainAllow(AttribAccessDict):
    """A domain allowed to federate (in allow-list mode).

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    id: IdType
    """Id of the allow entry. Added in Mastodon 4.0.0."""

    domain: str
    """The allowed domain. Added in Mastodon 4.0.0."""

    created_at: datetime
    """When it was allowed. Added in Mastodon 4.0.0."""


class AdminEmailDomainBlock(AttribAccessDict):
    """An e-mail domain that may not be used to sign up.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    id: IdType
    """Id of the block. Added in Mastodon 4.0.0."""

    domain: str
    """The blocked e-mail domain. Added in Mastodon 4.0.0."""

    created_at: datetime
    """When the block was made. Added in Mastodon 4.0.0."""

    history: NonPaginatableList[AdminEmailDomainBlockHistory]
    """Sign-up attempts per day. Added in Mastodon 4.0.0."""


class AdminEmailDomainBlockHistory(AttribAccessDict):
    """Sign-up attempts from a blocked e-mail domain on one day.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    day: datetime
    """The day (midnight UTC). Added in Mastodon 4.0.0."""

    accounts: int
    """Accounts that tried to sign up that day. Added in Mastodon 4.0.0."""

    uses: int
    """Sign-up attempts that day. Added in Mastodon 4.0.0."""


class AdminIpBlock(AttribAccessDict):
    """A block on an IP address or range.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    id: IdType
    """Id of the block. Added in Mastodon 4.0.0."""

    ip: str
    """Blocked address or range in CIDR notation. Added in Mastodon 4.0.0."""

    severity: str
    """How strict the block is. Added in Mastodon 4.0.0. Values:
    ``sign_up_requires_approval``, ``sign_up_block``, ``no_access``.
    """

    comment: str
    """Note on why it is blocked. Added in Mastodon 4.0.0."""

    created_at: datetime
    """When the block was made. Added in Mastodon 4.0.0."""

    expires_at: Optional[datetime]
    """When the block ends; None if it does not. Added in Mastodon 4.0.0; may be null.
    """


class DomainBlock(AttribAccessDict):
    """A domain the server limits or suspends, as shown publicly.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    domain: str
    """The domain (may be partly hidden). Added in Mastodon 4.0.0."""

    digest: str
    """SHA-256 hash of the domain name. Added in Mastodon 4.0.0."""

    severity: str
    """How strict the block is. Added in Mastodon 4.0.0. Values: ``silence``,
    ``suspend``.
    """

    comment: Optional[str]
    """Public reason for the block. Added in Mastodon 4.0.0; may be null."""


class ExtendedDescription(AttribAccessDict):
    """The server's long description (its about page).

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    updated_at: datetime
    """When the text was last changed. Added in Mastodon 4.0.0."""

    content: str
    """The text as HTML. Added in Mastodon 4.0.0."""


class FilterKeyword(AttribAccessDict):
    """A keyword that a v2 filter matches.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    id: IdType
    """Id of the keyword entry. Added in Mastodon 4.0.0."""

    keyword: str
    """Text that is filtered. Added in Mastodon 4.0.0."""

    whole_word: bool
    """Whether only whole words match. Added in Mastodon 4.0.0."""


class FilterStatus(AttribAccessDict):
    """A single post that a v2 filter matches.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    id: IdType
    """Id of the filter entry. Added in Mastodon 4.0.0."""

    status_id: MaybeSnowflakeIdType
    """Id of the filtered post. Added in Mastodon 4.0.0."""


class IdentityProof(AttribAccessDict):
    """A proof linking the account to an identity elsewhere (a feature removed from
    Mastodon).

    Fields as of Mastodon 2.8.0.
    """

    _version = '2.8.0'

    provider: str
    """Identity service (such as Keybase). Added in Mastodon 2.8.0."""

    provider_username: str
    """User name on that service. Added in Mastodon 2.8.0."""

    updated_at: datetime
    """When the proof was last checked. Added in Mastodon 2.8.0."""

    proof_url: str
    """URL of the proof. Added in Mastodon 2.8.0."""

    profile_url: str
    """Profile on that service. Added in Mastodon 2.8.0."""


class StatusSource(AttribAccessDict):
    """The plain source text of a post, for editing it.

    Fields as of Mastodon 3.5.0.
    """

    _version = '3.5.0'

    id: IdType
    """Id of the post. Added in Mastodon 3.5.0."""

    text: str
    """Plain text of the post. Added in Mastodon 3.5.0."""

    spoiler_text: str
    """Plain text of the content warning. Added in Mastodon 3.5.0."""


class Suggestion(AttribAccessDict):
    """An account suggested for you to follow, and why.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    source: str
    """Why the account is suggested (old single-reason form). Added in Mastodon 3.4.0;
    deprecated in 4.3.0.
    """

    sources: NonPaginatableList[str]
    """Why the account is suggested. Added in Mastodon 4.3.0. Values: ``featured``,
    ``most_followed``, ``most_interactions``, ``similar_to_recently_followed``,
    ``friends_of_friends``.
    """

    account: Account
    """The suggested account. Added in Mastodon 3.4.0."""


class Translation(AttribAccessDict):
    """A machine translation of a post.

    Fields as of Mastodon 4.0.0.
    """

    _version = '4.0.0'

    content: str
    """Translated text as HTML. Added in Mastodon 4.0.0."""

    detected_source_language: str
    """Language the post was detected to be in. Added in Mastodon 4.0.0."""

    provider: str
    """Translation service used. Added in Mastodon 4.0.0."""


class AccountCreationError(AttribAccessDict):
    """Why signing up a new account failed.

    Fields as of Mastodon 3.4.0.
    """

    _version = '3.4.0'

    error: str
    """Summary of what went wrong. Added in Mastodon 2.7.0."""

    details: AccountCreationErrorDetails
    """Errors per form field. Added in Mastodon 3.4.0."""


class AccountCreationErrorDetails(AttribAccessDict):
    """Sign-up errors by form field.

    Fields as of Mastodon 4.4.0.
    """

    _version = '4.4.0'

    username: Optional[NonPaginatableList[AccountCreationErrorDetailsField]]
    """Problems with the user name. Added in Mastodon 3.4.0; may be absent; may be null.
    """

    password: Optional[NonPaginatableList[AccountCreationErrorDetailsField]]
    """Problems with the password. Added in Mastodon 3.4.0; may be absent; may be null.
    """

    email: Optional[NonPaginatableList[AccountCreationErrorDetailsField]]
    """Problems with the e-mail address. Added in Mastodon 3.4.0; may be absent; may be
    null.
    """

    agreement: Optional[NonPaginatableList[AccountCreationErrorDetailsField]]
    """Problems with accepting the rules. Added in Mastodon 3.4.0; may be absent; may be
    null.
    """

    locale: Optional[NonPaginatableList[AccountCreationErrorDetailsField]]
    """Problems with the language. Added in Mastodon 3.4.0; may be absent; may be null.
    """

    reason: Optional[NonPaginatableList[AccountCreationErrorDetailsField]]
    """Problems with the reason for joining. Added in Mastodon 3.4.0; may be absent; may
    be null.
    """

    date_of_birth: Optional[NonPaginatableList[AccountCreationErrorDetailsField]]
    """Problems with the date of birth. Added in Mastodon 4.4.0; may be absent; may be
    null.
    """


class AccountCreationErrorDetailsField(AttribAccessDict):
    """One error about a sign-up form field.

    Fields as of Mastodon 3.4.0.
    """

    _version = '3.4.0'

    error: str
    """Error code. Added in Mastodon 3.4.0. Values: ``ERR_BLOCKED``,
    ``ERR_UNREACHABLE``, ``ERR_TAKEN``, ``ERR_RESERVED``, ``ERR_ACCEPTED``,
    ``ERR_BLANK``, ``ERR_INVALID``, ``ERR_TOO_LONG``, ``ERR_TOO_SHORT``,
    ``ERR_INCLUSION``.
    """

    description: str
    """Readable explanation. Added in Mastodon 3.4.0."""


class NotificationPolicy(AttribAccessDict):
    """How notifications from various kinds of accounts are handled (accepted, filtered
    or dropped).

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    for_not_following: str
    """Notifications from accounts you do not follow. Added in Mastodon 4.3.0. Values:
    ``accept``, ``filter``, ``drop``.
    """

    for_not_followers: str
    """Notifications from accounts not following you. Added in Mastodon 4.3.0. Values:
    ``accept``, ``filter``, ``drop``.
    """

    for_new_accounts: str
    """Notifications from accounts younger than 30 days. Added in Mastodon 4.3.0.
    Values: ``accept``, ``filter``, ``drop``.
    """

    for_private_mentions: str
    """Unsolicited private mentions. Added in Mastodon 4.3.0. Values: ``accept``,
    ``filter``, ``drop``.
    """

    for_limited_accounts: str
    """Notifications from accounts limited by moderators. Added in Mastodon 4.3.0.
    Values: ``accept``, ``filter``, ``drop``.
    """

    summary: NotificationPolicySummary
    """Counts of filtered notifications. Added in Mastodon 4.3.0."""

    for_bots: str
    """Notifications from automated accounts. Version of introduction not recorded."""


class NotificationPolicySummary(AttribAccessDict):
    """Counts of filtered notifications waiting for review.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    pending_requests_count: int
    """Accounts with filtered notifications. Added in Mastodon 4.3.0."""

    pending_notifications_count: int
    """Filtered notifications. Added in Mastodon 4.3.0."""


class RelationshipSeveranceEvent(AttribAccessDict):
    """An event that removed some of your follow relationships, such as a domain block
    by moderators.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    id: str
    """Id of the event. Added in Mastodon 4.3.0."""

    type: str
    """What caused the loss of relationships. Added in Mastodon 4.3.0. Values:
    ``domain_block``, ``user_domain_block``, ``account_suspension``.
    """

    purged: bool
    """Whether the list of lost relationships was deleted. Added in Mastodon 4.3.0."""

    target_name: str
    """Name of the blocked domain or suspended account. Added in Mastodon 4.3.0."""

    followers_count: int
    """Followers you lost. Added in Mastodon 4.3.0."""

    following_count: int
    """Follows you lost. Added in Mastodon 4.3.0."""

    created_at: datetime
    """When it happened. Added in Mastodon 4.3.0."""


class GroupedNotificationsResults(AttribAccessDict):
    """A page of grouped notifications, with the accounts and posts they refer to listed
    once.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    accounts: NonPaginatableList[Account]
    """Accounts the groups refer to. Added in Mastodon 4.3.0."""

    partial_accounts: Optional[NonPaginatableList[PartialAccountWithAvatar]]
    """Accounts given in short form, when requested. Added in Mastodon 4.3.0; may be
    absent; may be null.
    """

    statuses: NonPaginatableList[Status]
    """Posts the groups refer to. Added in Mastodon 4.3.0."""

    notification_groups: NonPaginatableList[NotificationGroup]
    """The notification groups. Added in Mastodon 4.3.0."""


class PartialAccountWithAvatar(AttribAccessDict):
    """Just enough of an account to show its avatar.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    id: str
    """Id of the account. Added in Mastodon 4.3.0."""

    acct: str
    """Address of the account. Added in Mastodon 4.3.0."""

    url: str
    """Profile page. Added in Mastodon 4.3.0."""

    avatar: str
    """URL of the avatar. Added in Mastodon 4.3.0."""

    avatar_static: str
    """URL of a still avatar. Added in Mastodon 4.3.0."""

    locked: bool
    """Whether follow requests need approval. Added in Mastodon 4.3.0."""

    bot: bool
    """Whether the account is automated. Added in Mastodon 4.3.0."""

    avatar_description: str
    """Alt text of the avatar. Added in Mastodon 4.6.0."""


class NotificationGroup(AttribAccessDict):
    """Notifications of the same kind about the same thing, grouped.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    group_key: str
    """Key identifying the group. Added in Mastodon 4.3.0."""

    notifications_count: int
    """Number of notifications in the group. Added in Mastodon 4.3.0."""

    type: str
    """Kind of the notifications. Added in Mastodon 4.3.0. Values: ``mention``,
    ``status``, ``reblog``, ``follow``, ``follow_request``, ``favourite``, ``poll``,
    ``update``, ``admin.sign_up``, ``admin.report``, ``severed_relationships``,
    ``moderation_warning``, ``quote``, ``quoted_update``.
    """

    most_recent_notification_id: str
    """Id of the newest notification. Added in Mastodon 4.3.0."""

    page_min_id: Optional[str]
    """Id of the oldest notification of the group on this page. Added in Mastodon 4.3.0;
    may be absent; may be null.
    """

    page_max_id: Optional[str]
    """Id of the newest notification of the group on this page. Added in Mastodon 4.3.0;
    may be absent; may be null.
    """

    latest_page_notification_at: Optional[datetime]
    """When the newest notification on this page happened. Added in Mastodon 4.3.0; may
    be absent; may be null.
    """

    sample_account_ids: NonPaginatableList[str]
    """Ids of some accounts that caused the notifications. Added in Mastodon 4.3.0."""

    status_id: Optional[str]
    """Id of the post concerned. Added in Mastodon 4.3.0; may be absent; may be null."""

    report: Optional[Report]
    """The report, for report notifications. Added in Mastodon 4.3.0; may be absent; may
    be null.
    """

    event: Optional[RelationshipSeveranceEvent]
    """The relationship severance event, for ``severed_relationships`` notifications.
    Added in Mastodon 4.3.0; may be absent; may be null.
    """

    moderation_warning: Optional[AccountWarning]
    """The moderation warning, for ``moderation_warning`` notifications. Added in
    Mastodon 4.3.0; may be absent; may be null.
    """

    fallback: Optional[NotificationFallback]
    """Text to show if the client does not know this notification type. Added in
    Mastodon 4.6.0; may be absent; may be null.
    """

    collection: Optional[Collection]
    """The collection concerned. Added in Mastodon 4.6.0; may be absent; may be null."""

    annual_report: Optional[AnnualReportEvent]
    """The yearly summary, for ``annual_report`` notifications. Added in Mastodon 4.4.0;
    may be absent; may be null.
    """


class AccountWarning(AttribAccessDict):
    """A moderation warning or action against your account.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    id: str
    """Id of the warning. Added in Mastodon 4.3.0."""

    action: str
    """Action taken against the account. Added in Mastodon 4.3.0. Values: ``none``,
    ``disable``, ``mark_statuses_as_sensitive``, ``delete_statuses``, ``sensitive``,
    ``silence``, ``suspend``.
    """

    text: str
    """Message from the moderators. Added in Mastodon 4.3.0."""

    status_ids: Optional[NonPaginatableList[str]]
    """Ids of the posts concerned. Added in Mastodon 4.3.0; may be null."""

    target_account: Account
    """The account warned. Added in Mastodon 4.3.0."""

    appeal: Optional[Appeal]
    """Your appeal, if you made one. Added in Mastodon 4.3.0; may be null."""

    created_at: datetime
    """When the warning was issued. Added in Mastodon 4.3.0."""


class UnreadNotificationsCount(AttribAccessDict):
    """The number of unread notifications.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    count: int
    """Number of unread notifications (capped by the server). Added in Mastodon 4.3.0.
    """


class Appeal(AttribAccessDict):
    """An appeal against a moderation decision.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    text: str
    """Your reason for appealing. Added in Mastodon 4.3.0."""

    state: str
    """Decision on the appeal. Added in Mastodon 4.3.0. Values: ``approved``,
    ``rejected``, ``pending``.
    """


class NotificationRequest(AttribAccessDict):
    """Filtered notifications from one account, waiting for you to accept or dismiss
    them.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    id: str
    """Id of the request. Added in Mastodon 4.3.0."""

    created_at: datetime
    """When the first filtered notification arrived. Added in Mastodon 4.3.0."""

    updated_at: datetime
    """When the latest filtered notification arrived. Added in Mastodon 4.3.0."""

    account: Account
    """The account whose notifications were filtered. Added in Mastodon 4.3.0."""

    notifications_count: str
    """Number of filtered notifications. Added in Mastodon 4.3.0."""

    last_status: Optional[Status]
    """Most recent filtered post. Added in Mastodon 4.3.0; may be absent; may be null.
    """


class SupportedLocale(AttribAccessDict):
    """A language the server's interface is available in.

    Fields as of Mastodon 4.2.0.
    """

    _version = '4.2.0'

    code: str
    """Language code. Added in Mastodon 4.2.0."""

    name: str
    """Name of the language, in that language. Added in Mastodon 4.2.0."""


class OAuthServerInfo(AttribAccessDict):
    """The server's OAuth 2 authorization-server metadata.

    Fields as of Mastodon 4.4.0.
    """

    _version = '4.4.0'

    issuer: str
    """Identifier of the authorization server. Added in Mastodon 4.3.0."""

    authorization_endpoint: str
    """Where users authorize applications. Added in Mastodon 4.3.0."""

    token_endpoint: str
    """Where tokens are obtained. Added in Mastodon 4.3.0."""

    revocation_endpoint: str
    """Where tokens are revoked. Added in Mastodon 4.3.0."""

    userinfo_endpoint: str
    """Where OpenID user information is served. Added in Mastodon 4.4.0."""

    scopes_supported: NonPaginatableList[str]
    """Scopes the server knows. Added in Mastodon 4.3.0."""

    response_types_supported: NonPaginatableList[str]
    """Supported OAuth response types. Added in Mastodon 4.3.0."""

    response_modes_supported: NonPaginatableList[str]
    """Supported OAuth response modes. Added in Mastodon 4.3.0."""

    grant_types_supported: NonPaginatableList[str]
    """Supported grant types. Added in Mastodon 4.3.0."""

    token_endpoint_auth_methods_supported: NonPaginatableList[str]
    """How clients may authenticate at the token endpoint. Added in Mastodon 4.3.0."""

    code_challenge_methods_supported: NonPaginatableList[str]
    """Supported PKCE methods. Added in Mastodon 4.3.0."""

    service_documentation: Optional[str]
    """Documentation of the API. Added in Mastodon 4.3.0; may be absent; may be null."""

    app_registration_endpoint: Optional[str]
    """Where applications are registered. Added in Mastodon 4.3.0; may be absent; may be
    null.
    """


class OAuthUserInfo(AttribAccessDict):
    """The OpenID Connect user information of the logged-in account.

    Fields as of Mastodon 4.4.0.
    """

    _version = '4.4.0'

    iss: str
    """The server that issued the information. Added in Mastodon 4.4.0."""

    sub: str
    """Identifier (URI) of the account. Added in Mastodon 4.4.0."""

    name: str
    """Display name. Added in Mastodon 4.4.0."""

    preferred_username: str
    """User name. Added in Mastodon 4.4.0."""

    profile: str
    """Profile page. Added in Mastodon 4.4.0."""

    picture: str
    """Avatar URL. Added in Mastodon 4.4.0."""


class TermsOfService(AttribAccessDict):
    """A version of the server's terms of service.

    Fields as of Mastodon 4.4.0.
    """

    _version = '4.4.0'

    effective_date: datetime
    """Day these terms take effect. Added in Mastodon 4.4.0."""

    effective: bool
    """Whether these terms are in effect now. Added in Mastodon 4.4.0."""

    content: str
    """The terms as HTML. Added in Mastodon 4.4.0."""

    succeeded_by: Optional[datetime]
    """Day newer terms take over, if any. Added in Mastodon 4.4.0; may be absent; may be
    null.
    """


class AsyncRefresh(AttribAccessDict):
    """A background refresh the server started, such as fetching remote replies, and its
    progress.

    Fields as of Mastodon 4.4.0.
    """

    _version = '4.4.0'

    id: IdType
    """Id of the refresh, for polling it. Added in Mastodon 4.4.0."""

    status: str
    """Whether it is still running. Added in Mastodon 4.4.0. Values: ``running``,
    ``finished``.
    """

    result_count: Optional[int]
    """Number of new items found, when known. Added in Mastodon 4.4.0; may be null."""


class Profile(AttribAccessDict):
    """Your own profile in the form it is edited in.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    id: MaybeSnowflakeIdType
    """Id of your account. Added in Mastodon 4.6.0."""

    display_name: str
    """Name shown on the profile. Added in Mastodon 4.6.0."""

    note: str
    """Bio as plain text. Added in Mastodon 4.6.0."""

    fields: NonPaginatableList[ProfileField]
    """Extra profile fields as plain text. Added in Mastodon 4.6.0."""

    avatar: Optional[str]
    """URL of the avatar image (may be animated). Added in Mastodon 4.6.0; may be null.
    """

    avatar_static: Optional[str]
    """URL of a still version of the avatar. Added in Mastodon 4.6.0; may be null."""

    avatar_description: str
    """Alt text of the avatar. Added in Mastodon 4.6.0."""

    header: Optional[str]
    """URL of the header image (may be animated). Added in Mastodon 4.6.0; may be null.
    """

    header_static: Optional[str]
    """URL of a still version of the header image. Added in Mastodon 4.6.0; may be null.
    """

    header_description: str
    """Alt text of the header image. Added in Mastodon 4.6.0."""

    locked: bool
    """Whether follow requests need approval. Added in Mastodon 4.6.0."""

    bot: bool
    """Whether the account is marked as automated. Added in Mastodon 4.6.0."""

    hide_collections: Optional[bool]
    """Whether the follower and following lists are hidden. Added in Mastodon 4.6.0; may
    be null.
    """

    discoverable: Optional[bool]
    """Whether the account opted into the profile directory and discovery features.
    Added in Mastodon 4.6.0; may be null.
    """

    indexable: bool
    """Whether public posts may appear in full-text search. Added in Mastodon 4.6.0."""

    show_media: bool
    """Whether the media tab is shown on the profile. Added in Mastodon 4.6.0."""

    show_media_replies: bool
    """Whether the media tab includes media from replies. Added in Mastodon 4.6.0."""

    show_featured: bool
    """Whether the featured tab is shown on the profile. Added in Mastodon 4.6.0."""

    attribution_domains: NonPaginatableList[str]
    """Websites allowed to credit this account as the author of their articles. Added in
    Mastodon 4.6.0.
    """

    featured_tags: NonPaginatableList[FeaturedTag]
    """Hashtags featured on the profile. Added in Mastodon 4.6.0."""

    formatted_note: str
    """Bio rendered as HTML. Version of introduction not recorded."""

    formatted_fields: NonPaginatableList[AccountField]
    """Extra profile fields rendered as HTML. Version of introduction not recorded."""


class ProfileField(AttribAccessDict):
    """One name/value pair of the extra profile fields, as edited.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    name: str
    """Label of the field. Added in Mastodon 4.6.0."""

    value: str
    """Content of the field as plain text. Added in Mastodon 4.6.0."""

    verified_at: Optional[datetime]
    """When the link in the value was verified to point back to the profile; None if not
    verified. Added in Mastodon 4.6.0; may be null.
    """


class ShallowTag(AttribAccessDict):
    """A hashtag reduced to its name and URL.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    name: str
    """The hashtag without the ``#``. Added in Mastodon 4.6.0."""

    url: str
    """Page of the hashtag. Added in Mastodon 4.6.0."""


class FeatureApproval(AttribAccessDict):
    """Who may feature an account on their profile or in collections.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    automatic: NonPaginatableList[str]
    """Audiences allowed to feature the account without asking. Added in Mastodon 4.6.0.
    """

    manual: NonPaginatableList[str]
    """Audiences that must ask before featuring the account. Added in Mastodon 4.6.0."""

    current_user: str
    """What applies to the logged-in user. Added in Mastodon 4.6.0."""


class WrappedCollection(AttribAccessDict):
    """A collection, wrapped in an object.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    collection: Collection
    """The collection. Added in Mastodon 4.6.0."""


class Collections(AttribAccessDict):
    """A list of collections.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    collections: NonPaginatableList[Collection]
    """The collections. Added in Mastodon 4.6.0."""


class CollectionWithAccounts(AttribAccessDict):
    """A collection together with the accounts in it.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    accounts: NonPaginatableList[Account]
    """Accounts in the collection. Added in Mastodon 4.6.0."""

    collection: Collection
    """The collection. Added in Mastodon 4.6.0."""


class WrappedCollectionItem(AttribAccessDict):
    """A collection item, wrapped in an object.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    collection_item: CollectionItem
    """The collection entry. Added in Mastodon 4.6.0."""


class NotificationFallback(AttribAccessDict):
    """Text to show for a notification type the client does not know.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    title: str
    """Headline as HTML. Added in Mastodon 4.6.0."""

    summary: Optional[str]
    """Short text as HTML. Added in Mastodon 4.6.0; may be null."""

    details: Optional[str]
    """Longer text as HTML. Added in Mastodon 4.6.0; may be null."""


class AnnualReportEvent(AttribAccessDict):
    """A notification that a yearly summary (Wrapstodon) is ready.

    Fields as of Mastodon 4.4.0.
    """

    _version = '4.4.0'

    year: str
    """Year of the summary. Added in Mastodon 4.4.0."""


class AnnualReportState(AttribAccessDict):
    """Whether a yearly summary is available, being generated or not possible.

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    state: str
    """Availability of the summary. Added in Mastodon 4.6.0."""


class AnnualReport(AttribAccessDict):
    """A yearly summary of an account's activity (Wrapstodon).

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    year: int
    """Year summarised. Added in Mastodon 4.3.0."""

    data: Union[AnnualReportDataV2, AnnualReportDataV1, AttribAccessDict]
    """The summary; its shape depends on ``schema_version``. Added in Mastodon 4.3.0."""

    schema_version: int
    """Format version of ``data``. Added in Mastodon 4.3.0."""

    share_url: Optional[str]
    """Public page of the summary, if shared. Added in Mastodon 4.6.0; may be null."""

    account_id: MaybeSnowflakeIdType
    """Id of the account summarised. Added in Mastodon 4.6.0."""


class WrappedAnnualReports(AttribAccessDict):
    """Yearly summaries, with the accounts and posts they refer to.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    annual_reports: NonPaginatableList[AnnualReport]
    """The summaries. Added in Mastodon 4.3.0."""

    accounts: NonPaginatableList[Account]
    """Accounts the summaries refer to. Added in Mastodon 4.3.0."""

    statuses: NonPaginatableList[Status]
    """Posts the summaries refer to. Added in Mastodon 4.3.0."""


class AnnualReportDataV2(AttribAccessDict):
    """The contents of a yearly summary (second format).

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    archetype: str
    """The kind of user the year's activity suggests. Added in Mastodon 4.6.0."""

    top_statuses: AnnualReportTopStatusesV2
    """The most popular posts of the year. Added in Mastodon 4.6.0."""

    time_series: NonPaginatableList[AnnualReportTimeSeriesEntryV2]
    """Activity per month. Added in Mastodon 4.6.0."""

    top_hashtags: NonPaginatableList[AnnualReportNameAndCount]
    """Most used hashtags. Added in Mastodon 4.6.0."""


class AnnualReportDataV1(AttribAccessDict):
    """The contents of a yearly summary (first format).

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    archetype: str
    """The kind of user the year's activity suggests. Added in Mastodon 4.3.0."""

    type_distribution: AnnualReportTypeDistribution
    """How posts split by kind. Added in Mastodon 4.3.0."""

    top_statuses: AnnualReportTopStatusesV1
    """The most popular posts of the year. Added in Mastodon 4.3.0."""

    most_used_apps: NonPaginatableList[AnnualReportNameAndCount]
    """Applications posted from most. Added in Mastodon 4.3.0."""

    commonly_interacted_with_accounts: NonPaginatableList[AnnualReportAccountAndCount]
    """Accounts interacted with most. Added in Mastodon 4.3.0."""

    time_series: NonPaginatableList[AnnualReportTimeSeriesEntryV1]
    """Activity per month. Added in Mastodon 4.3.0."""

    top_hashtags: NonPaginatableList[AnnualReportNameAndCount]
    """Most used hashtags. Added in Mastodon 4.3.0."""

    most_reblogged_accounts: NonPaginatableList[AnnualReportAccountAndCount]
    """Accounts boosted most. Added in Mastodon 4.3.0."""

    percentiles: AnnualReportPercentiles
    """Rank among the server's users. Added in Mastodon 4.3.0."""


class AnnualReportTopStatusesV2(AttribAccessDict):
    """Ids of the year's most popular posts (second format).

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    by_reblogs: Optional[MaybeSnowflakeIdType]
    """Id of the post boosted most often. Added in Mastodon 4.6.0; may be null."""

    by_favourites: Optional[MaybeSnowflakeIdType]
    """Id of the post favourited most often. Added in Mastodon 4.6.0; may be null."""

    by_replies: Optional[MaybeSnowflakeIdType]
    """Id of the post with the most replies. Added in Mastodon 4.6.0; may be null."""


class AnnualReportTopStatusesV1(AttribAccessDict):
    """Ids of the year's most popular posts (first format).

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    by_reblogs: Optional[MaybeSnowflakeIdType]
    """Id of the post boosted most often. Added in Mastodon 4.3.0; may be null."""

    by_favourites: Optional[MaybeSnowflakeIdType]
    """Id of the post favourited most often. Added in Mastodon 4.3.0; may be null."""

    by_replies: Optional[MaybeSnowflakeIdType]
    """Id of the post with the most replies. Added in Mastodon 4.3.0; may be null."""


class AnnualReportTimeSeriesEntryV2(AttribAccessDict):
    """Activity in one month of the year (second format).

    Fields as of Mastodon 4.6.0.
    """

    _version = '4.6.0'

    month: int
    """Month of the year, 1 to 12. Added in Mastodon 4.6.0."""

    statuses: int
    """Posts made that month. Added in Mastodon 4.6.0."""

    followers: int
    """New followers that month. Added in Mastodon 4.6.0."""


class AnnualReportTimeSeriesEntryV1(AttribAccessDict):
    """Activity in one month of the year (first format).

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    month: int
    """Month of the year, 1 to 12. Added in Mastodon 4.3.0."""

    statuses: int
    """Posts made that month. Added in Mastodon 4.3.0."""

    following: int
    """Accounts followed that month. Added in Mastodon 4.3.0."""

    followers: int
    """New followers that month. Added in Mastodon 4.3.0."""


class AnnualReportTypeDistribution(AttribAccessDict):
    """How the year's posts split into replies, boosts and standalone posts.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    total: int
    """All posts. Added in Mastodon 4.3.0."""

    reblogs: int
    """Boosts. Added in Mastodon 4.3.0."""

    replies: int
    """Replies. Added in Mastodon 4.3.0."""

    standalone: int
    """Posts that are neither replies nor boosts. Added in Mastodon 4.3.0."""


class AnnualReportNameAndCount(AttribAccessDict):
    """A name (hashtag, app) and how often it was used.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    name: str
    """The hashtag or application. Added in Mastodon 4.3.0."""

    count: int
    """How often it was used. Added in Mastodon 4.3.0."""


class AnnualReportAccountAndCount(AttribAccessDict):
    """An account and how often it was interacted with.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    account_id: MaybeSnowflakeIdType
    """Id of the account. Added in Mastodon 4.3.0."""

    count: int
    """How often the account was interacted with. Added in Mastodon 4.3.0."""


class AnnualReportPercentiles(AttribAccessDict):
    """Where the account ranks among the server's users.

    Fields as of Mastodon 4.3.0.
    """

    _version = '4.3.0'

    statuses: float
    """Percentile of the number of posts made. Added in Mastodon 4.3.0."""


#: Every entity class by name, plus the two generic base classes.
ENTITY_NAME_MAP: Dict[str, type] = {
    "AttribAccessDict": AttribAccessDict,
    "EmptyResponse": EmptyResponse,
    "Account": Account,
    "AccountField": AccountField,
    "Role": Role,
    "CredentialAccountSource": CredentialAccountSource,
    "CredentialAccountState": CredentialAccountState,
    "Status": Status,
    "Quote": Quote,
    "ShallowQuote": ShallowQuote,
    "QuoteApproval": QuoteApproval,
    "StatusEdit": StatusEdit,
    "FilterResult": FilterResult,
    "StatusMention": StatusMention,
    "ScheduledStatus": ScheduledStatus,
    "ScheduledStatusParams": ScheduledStatusParams,
    "Poll": Poll,
    "PollOption": PollOption,
    "Conversation": Conversation,
    "Tag": Tag,
    "TagHistory": TagHistory,
    "CustomEmoji": CustomEmoji,
    "Application": Application,
    "Relationship": Relationship,
    "Filter": Filter,
    "FilterV2": FilterV2,
    "Notification": Notification,
    "Context": Context,
    "UserList": UserList,
    "MediaAttachment": MediaAttachment,
    "MediaAttachmentMetadataContainer": MediaAttachmentMetadataContainer,
    "MediaAttachmentImageMetadata": MediaAttachmentImageMetadata,
    "MediaAttachmentVideoMetadata": MediaAttachmentVideoMetadata,
    "MediaAttachmentAudioMetadata": MediaAttachmentAudioMetadata,
    "MediaAttachmentFocusPoint": MediaAttachmentFocusPoint,
    "MediaAttachmentColors": MediaAttachmentColors,
    "PreviewCard": PreviewCard,
    "TrendingLinkHistory": TrendingLinkHistory,
    "PreviewCardAuthor": PreviewCardAuthor,
    "Search": Search,
    "SearchV2": SearchV2,
    "Collection": Collection,
    "CollectionItem": CollectionItem,
    "Instance": Instance,
    "InstanceConfiguration": InstanceConfiguration,
    "InstanceURLs": InstanceURLs,
    "InstanceV2": InstanceV2,
    "InstanceIcon": InstanceIcon,
    "InstanceConfigurationV2": InstanceConfigurationV2,
    "InstanceVapidKey": InstanceVapidKey,
    "InstanceURLsV2": InstanceURLsV2,
    "InstanceThumbnail": InstanceThumbnail,
    "InstanceThumbnailVersions": InstanceThumbnailVersions,
    "InstanceStatistics": InstanceStatistics,
    "InstanceUsage": InstanceUsage,
    "InstanceUsageUsers": InstanceUsageUsers,
    "RuleTranslation": RuleTranslation,
    "Rule": Rule,
    "InstanceRegistrations": InstanceRegistrations,
    "InstanceContact": InstanceContact,
    "InstanceAccountConfiguration": InstanceAccountConfiguration,
    "InstanceStatusConfiguration": InstanceStatusConfiguration,
    "InstanceTranslationConfiguration": InstanceTranslationConfiguration,
    "InstanceMediaConfiguration": InstanceMediaConfiguration,
    "InstancePollConfiguration": InstancePollConfiguration,
    "InstanceTimelinesAccessConfiguration": InstanceTimelinesAccessConfiguration,
    "InstanceTimelinesAccessFeedConfiguration": InstanceTimelinesAccessFeedConfiguration,
    "Nodeinfo": Nodeinfo,
    "NodeinfoSoftware": NodeinfoSoftware,
    "NodeinfoServices": NodeinfoServices,
    "NodeinfoUsage": NodeinfoUsage,
    "NodeinfoUsageUsers": NodeinfoUsageUsers,
    "NodeinfoMetadata": NodeinfoMetadata,
    "Activity": Activity,
    "Report": Report,
    "AdminReport": AdminReport,
    "WebPushSubscription": WebPushSubscription,
    "WebPushSubscriptionAlerts": WebPushSubscriptionAlerts,
    "PushNotification": PushNotification,
    "Preferences": Preferences,
    "FeaturedTag": FeaturedTag,
    "Marker": Marker,
    "Announcement": Announcement,
    "Reaction": Reaction,
    "StreamReaction": StreamReaction,
    "FamiliarFollowers": FamiliarFollowers,
    "AdminAccount": AdminAccount,
    "AdminIp": AdminIp,
    "AdminMeasure": AdminMeasure,
    "AdminMeasureData": AdminMeasureData,
    "AdminDimension": AdminDimension,
    "AdminDimensionData": AdminDimensionData,
    "AdminRetention": AdminRetention,
    "AdminCohort": AdminCohort,
    "AdminDomainBlock": AdminDomainBlock,
    "AdminCanonicalEmailBlock": AdminCanonicalEmailBlock,
    "AdminDomainAllow": AdminDomainAllow,
    "AdminEmailDomainBlock": AdminEmailDomainBlock,
    "AdminEmailDomainBlockHistory": AdminEmailDomainBlockHistory,
    "AdminIpBlock": AdminIpBlock,
    "DomainBlock": DomainBlock,
    "ExtendedDescription": ExtendedDescription,
    "FilterKeyword": FilterKeyword,
    "FilterStatus": FilterStatus,
    "IdentityProof": IdentityProof,
    "StatusSource": StatusSource,
    "Suggestion": Suggestion,
    "Translation": Translation,
    "AccountCreationError": AccountCreationError,
    "AccountCreationErrorDetails": AccountCreationErrorDetails,
    "AccountCreationErrorDetailsField": AccountCreationErrorDetailsField,
    "NotificationPolicy": NotificationPolicy,
    "NotificationPolicySummary": NotificationPolicySummary,
    "RelationshipSeveranceEvent": RelationshipSeveranceEvent,
    "GroupedNotificationsResults": GroupedNotificationsResults,
    "PartialAccountWithAvatar": PartialAccountWithAvatar,
    "NotificationGroup": NotificationGroup,
    "AccountWarning": AccountWarning,
    "UnreadNotificationsCount": UnreadNotificationsCount,
    "Appeal": Appeal,
    "NotificationRequest": NotificationRequest,
    "SupportedLocale": SupportedLocale,
    "OAuthServerInfo": OAuthServerInfo,
    "OAuthUserInfo": OAuthUserInfo,
    "TermsOfService": TermsOfService,
    "AsyncRefresh": AsyncRefresh,
    "Profile": Profile,
    "ProfileField": ProfileField,
    "ShallowTag": ShallowTag,
    "FeatureApproval": FeatureApproval,
    "WrappedCollection": WrappedCollection,
    "Collections": Collections,
    "CollectionWithAccounts": CollectionWithAccounts,
    "WrappedCollectionItem": WrappedCollectionItem,
    "NotificationFallback": NotificationFallback,
    "AnnualReportEvent": AnnualReportEvent,
    "AnnualReportState": AnnualReportState,
    "AnnualReport": AnnualReport,
    "WrappedAnnualReports": WrappedAnnualReports,
    "AnnualReportDataV2": AnnualReportDataV2,
    "AnnualReportDataV1": AnnualReportDataV1,
    "AnnualReportTopStatusesV2": AnnualReportTopStatusesV2,
    "AnnualReportTopStatusesV1": AnnualReportTopStatusesV1,
    "AnnualReportTimeSeriesEntryV2": AnnualReportTimeSeriesEntryV2,
    "AnnualReportTimeSeriesEntryV1": AnnualReportTimeSeriesEntryV1,
    "AnnualReportTypeDistribution": AnnualReportTypeDistribution,
    "AnnualReportNameAndCount": AnnualReportNameAndCount,
    "AnnualReportAccountAndCount": AnnualReportAccountAndCount,
    "AnnualReportPercentiles": AnnualReportPercentiles,
}

register_entity_names(ENTITY_NAME_MAP)
