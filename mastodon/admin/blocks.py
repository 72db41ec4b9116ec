"""Admin: domain, e-mail and IP blocks (who may federate with, and sign up on, the instance)."""
from __future__ import annotations

from typing import Any, Dict, Optional, Union

from .. import return_types as rt
from .._core import validate
from ..errors import MastodonIllegalArgumentError
from ..types_base import IdType, NonPaginatableList, PaginatableList, PaginationIdType
from ..versions import api_version
from .base import AdminBase

#: How hard a domain block hits.
DOMAIN_BLOCK_SEVERITIES = ("silence", "suspend", "noop")
#: What an IP block does.
IP_BLOCK_SEVERITIES = ("sign_up_requires_approval", "sign_up_block", "no_access")


class AdminBlocksMixin(AdminBase):
    """Admin calls about domain, e-mail and IP blocks."""

    @api_version("4.0.0", "4.0.0")
    def admin_domain_blocks(self, id: Optional[IdType] = None,
                            max_id: Optional[PaginationIdType] = None,
                            min_id: Optional[PaginationIdType] = None,
                            since_id: Optional[PaginationIdType] = None,
                            limit: Optional[int] = None
                            ) -> Union[rt.AdminDomainBlock, PaginatableList[rt.AdminDomainBlock]]:
        """One domain block when ``id`` is given, otherwise a page of all of them.

        ``id``: the block, as an id (str or int) or an AdminDomainBlock; the
        page parameters are then not used. Without it, ``max_id``,
        ``min_id``, ``since_id`` and ``limit`` page through the list (see
        :doc:`/guide/pagination`); the server sends 100 by default.

        Calls ``GET /api/v1/admin/domain_blocks/:id`` or
        ``GET /api/v1/admin/domain_blocks/``.
        """
        if id is not None:
            return self._admin("GET", "domain_blocks", id, entity=rt.AdminDomainBlock)
        return self._admin_page("domain_blocks/", rt.AdminDomainBlock, max_id, min_id,
                                since_id, limit)

    @api_version("4.0.0", "4.0.0")
    def admin_create_domain_block(self, domain: str, severity: Optional[str] = None,
                                  reject_media: Optional[bool] = None,
                                  reject_reports: Optional[bool] = None,
                                  private_comment: Optional[str] = None,
                                  public_comment: Optional[str] = None,
                                  obfuscate: Optional[bool] = None) -> rt.AdminDomainBlock:
        """Block (or limit) a remote domain; returns the new block.

        ``domain`` (required) is the domain to block. ``severity`` is
        ``"silence"`` (the server's default: its accounts are limited),
        ``"suspend"`` (everything coming from it is rejected) or ``"noop"`` (no
        limit, only the media and report rules apply). ``reject_media`` drops
        the domain's media attachments and ``reject_reports`` ignores reports
        from it (both are off unless set). ``private_comment`` is
        a note only moderators see; ``public_comment`` one the server may show
        on its about page. ``obfuscate`` partly masks the domain name where
        the block list is shown in public. Parameters left as None are not
        sent, so the server's defaults apply.

        Calls ``POST /api/v1/admin/domain_blocks/``.
        """
        params = _domain_block_params(severity, reject_media, reject_reports, private_comment,
                                      public_comment, obfuscate)
        params["domain"] = validate.text("domain", domain, required=True)
        return self._admin("POST", "domain_blocks/", params=params, entity=rt.AdminDomainBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_update_domain_block(self, id: IdType, severity: Optional[str] = None,
                                  reject_media: Optional[bool] = None,
                                  reject_reports: Optional[bool] = None,
                                  private_comment: Optional[str] = None,
                                  public_comment: Optional[str] = None,
                                  obfuscate: Optional[bool] = None) -> rt.AdminDomainBlock:
        """Change a domain block; parameters left as None stay unchanged. Returns it.

        ``id``: the block, as an id (str or int) or an AdminDomainBlock.
        ``severity``, ``reject_media``, ``reject_reports``,
        ``private_comment``, ``public_comment`` and ``obfuscate`` mean what
        they mean in :meth:`admin_create_domain_block`.

        Calls ``PUT /api/v1/admin/domain_blocks/:id``.
        """
        params = _domain_block_params(severity, reject_media, reject_reports, private_comment,
                                      public_comment, obfuscate)
        return self._admin("PUT", "domain_blocks", id, params=params,
                           entity=rt.AdminDomainBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_delete_domain_block(self, id: IdType) -> None:
        """Lift a domain block.

        ``id``: the block, as an id (str or int) or an AdminDomainBlock.

        Calls ``DELETE /api/v1/admin/domain_blocks/:id``.
        """
        self._admin("DELETE", "domain_blocks", id)

    # ------------------------------------------------------------------ domain allows

    @api_version("4.0.0", "4.0.0")
    def admin_domain_allows(self, max_id: Optional[PaginationIdType] = None,
                            min_id: Optional[PaginationIdType] = None,
                            since_id: Optional[PaginationIdType] = None,
                            limit: Optional[int] = None) -> PaginatableList[rt.AdminDomainAllow]:
        """List the domains allowed to federate (in allow-list mode).

        ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through the
        list (see :doc:`/guide/pagination`); the server sends 100 by default
        and 200 at most.

        Calls ``GET /api/v1/admin/domain_allows``.
        """
        return self._admin_page("domain_allows", rt.AdminDomainAllow, max_id, min_id,
                                since_id, limit)

    @api_version("4.0.0", "4.0.0")
    def admin_domain_allow(self, id: IdType) -> rt.AdminDomainAllow:
        """Fetch one allowed domain.

        ``id``: the entry, as an id (str or int) or an AdminDomainAllow.

        Calls ``GET /api/v1/admin/domain_allows/:id``.
        """
        return self._admin("GET", "domain_allows", id, entity=rt.AdminDomainAllow)

    @api_version("4.0.0", "4.0.0")
    def admin_create_domain_allow(self, domain: str) -> rt.AdminDomainAllow:
        """Allow a domain to federate; returns the new entry.

        ``domain`` (required): the domain to allow. The list only matters when
        the server federates in allow-list mode; a domain already on it is
        answered with its existing entry.

        Calls ``POST /api/v1/admin/domain_allows``.
        """
        return self._admin("POST", "domain_allows",
                           params={"domain": validate.text("domain", domain, required=True)},
                           entity=rt.AdminDomainAllow)

    @api_version("4.0.0", "4.0.0")
    def admin_delete_domain_allow(self, id: IdType) -> None:
        """Remove a domain from the allow list.

        ``id``: the entry, as an id (str or int) or an AdminDomainAllow.

        Calls ``DELETE /api/v1/admin/domain_allows/:id``.
        """
        self._admin("DELETE", "domain_allows", id)

    # ------------------------------------------------------------------ e-mail domain blocks

    @api_version("4.0.0", "4.0.0")
    def admin_email_domain_blocks(self, max_id: Optional[PaginationIdType] = None,
                                  min_id: Optional[PaginationIdType] = None,
                                  since_id: Optional[PaginationIdType] = None,
                                  limit: Optional[int] = None
                                  ) -> PaginatableList[rt.AdminEmailDomainBlock]:
        """List the e-mail domains that may not sign up.

        ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through the
        list (see :doc:`/guide/pagination`); the server sends 100 by default.

        Calls ``GET /api/v1/admin/email_domain_blocks``.
        """
        return self._admin_page("email_domain_blocks", rt.AdminEmailDomainBlock, max_id, min_id,
                                since_id, limit)

    @api_version("4.1.0", "4.1.0")
    def admin_email_domain_block(self, id: IdType) -> rt.AdminEmailDomainBlock:
        """Fetch one blocked e-mail domain.

        ``id``: the block, as an id (str or int) or an AdminEmailDomainBlock.

        Calls ``GET /api/v1/admin/email_domain_blocks/:id``.
        """
        return self._admin("GET", "email_domain_blocks", id, entity=rt.AdminEmailDomainBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_create_email_domain_block(self, domain: str) -> rt.AdminEmailDomainBlock:
        """Refuse sign-ups with e-mail addresses at ``domain``; returns the new block.

        ``domain`` (required): the part of the address after the ``@``.

        Calls ``POST /api/v1/admin/email_domain_blocks``.
        """
        return self._admin("POST", "email_domain_blocks",
                           params={"domain": validate.text("domain", domain, required=True)},
                           entity=rt.AdminEmailDomainBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_delete_email_domain_block(self, id: IdType) -> None:
        """Lift an e-mail domain block.

        ``id``: the block, as an id (str or int) or an AdminEmailDomainBlock.

        Calls ``DELETE /api/v1/admin/email_domain_blocks/:id``.
        """
        self._admin("DELETE", "email_domain_blocks", id)

    # ------------------------------------------------------------------ canonical e-mail blocks

    @api_version("4.0.0", "4.0.0")
    def admin_canonical_email_blocks(self, max_id: Optional[PaginationIdType] = None,
                                     min_id: Optional[PaginationIdType] = None,
                                     since_id: Optional[PaginationIdType] = None,
                                     limit: Optional[int] = None
                                     ) -> PaginatableList[rt.AdminCanonicalEmailBlock]:
        """List the blocked canonical e-mail addresses (as hashes).

        ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through the
        list (see :doc:`/guide/pagination`); the server sends 100 by default
        and 200 at most.

        Calls ``GET /api/v1/admin/canonical_email_blocks``.
        """
        return self._admin_page("canonical_email_blocks", rt.AdminCanonicalEmailBlock, max_id,
                                min_id, since_id, limit)

    @api_version("4.0.0", "4.0.0")
    def admin_canonical_email_block(self, id: IdType) -> rt.AdminCanonicalEmailBlock:
        """Fetch one canonical e-mail block.

        ``id``: the block, as an id (str or int) or an AdminCanonicalEmailBlock.

        Calls ``GET /api/v1/admin/canonical_email_blocks/:id``.
        """
        return self._admin("GET", "canonical_email_blocks", id,
                           entity=rt.AdminCanonicalEmailBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_create_canonical_email_block(self, email: Optional[str] = None,
                                           canonical_email_hash: Optional[str] = None
                                           ) -> rt.AdminCanonicalEmailBlock:
        """Block an e-mail address, in all its spellings, from signing up.

        Give either the ``email`` (the server canonicalises and hashes it) or
        its ``canonical_email_hash`` (SHA-256 hex); when both are given the
        server uses the ``email``. Returns the new block.

        Calls ``POST /api/v1/admin/canonical_email_blocks``.
        """
        validate.text("email", email)
        validate.text("canonical_email_hash", canonical_email_hash)
        if email is None and canonical_email_hash is None:
            raise MastodonIllegalArgumentError("give email or canonical_email_hash")
        return self._admin("POST", "canonical_email_blocks",
                           params={"email": email, "canonical_email_hash": canonical_email_hash},
                           entity=rt.AdminCanonicalEmailBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_delete_canonical_email_block(self, id: IdType) -> rt.AdminCanonicalEmailBlock:
        """Lift a canonical e-mail block; returns what the server sends back.

        ``id``: the block, as an id (str or int) or an AdminCanonicalEmailBlock.

        Calls ``DELETE /api/v1/admin/canonical_email_blocks/:id``.
        """
        return self._admin("DELETE", "canonical_email_blocks", id,
                           entity=rt.AdminCanonicalEmailBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_test_canonical_email_block(
            self, email: str) -> NonPaginatableList[rt.AdminCanonicalEmailBlock]:
        """The canonical e-mail blocks that match ``email`` (empty when none does).

        ``email`` (required): the address to check; the server canonicalises
        and hashes it as a block would, and creates nothing.

        Calls ``POST /api/v1/admin/canonical_email_blocks/test``.
        """
        return self._admin("POST", "canonical_email_blocks/test",
                           params={"email": validate.text("email", email, required=True)},
                           entity=NonPaginatableList[rt.AdminCanonicalEmailBlock])

    # ------------------------------------------------------------------ IP blocks

    @api_version("4.0.0", "4.0.0")
    def admin_ip_blocks(self, max_id: Optional[PaginationIdType] = None,
                        min_id: Optional[PaginationIdType] = None,
                        since_id: Optional[PaginationIdType] = None,
                        limit: Optional[int] = None) -> PaginatableList[rt.AdminIpBlock]:
        """List the IP address ranges with sign-up or access rules.

        ``max_id``, ``min_id``, ``since_id`` and ``limit`` page through the
        list (see :doc:`/guide/pagination`); the server sends 100 by default
        and 200 at most.

        Calls ``GET /api/v1/admin/ip_blocks``.
        """
        return self._admin_page("ip_blocks", rt.AdminIpBlock, max_id, min_id, since_id, limit)

    @api_version("4.0.0", "4.0.0")
    def admin_ip_block(self, id: IdType) -> rt.AdminIpBlock:
        """Fetch one IP block.

        ``id``: the block, as an id (str or int) or an AdminIpBlock.

        Calls ``GET /api/v1/admin/ip_blocks/:id``.
        """
        return self._admin("GET", "ip_blocks", id, entity=rt.AdminIpBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_create_ip_block(self, ip: str, severity: str, comment: Optional[str] = None,
                              expires_in: Optional[int] = None) -> rt.AdminIpBlock:
        """Put a rule on an IP address or CIDR range; returns the new block.

        ``ip`` (required) is an address or a CIDR range such as
        ``"192.0.2.0/24"``. ``severity`` (required) is
        ``"sign_up_requires_approval"`` (sign-ups from there wait for a
        moderator), ``"sign_up_block"`` (no sign-ups from there) or
        ``"no_access"`` (no access to the server at all). ``comment`` is the
        reason, for moderators; ``expires_in`` is the block's lifetime in
        seconds (None: it never expires).

        Calls ``POST /api/v1/admin/ip_blocks``.
        """
        validate.text("ip", ip, required=True)
        if severity is None:
            raise MastodonIllegalArgumentError("severity is required")
        return self._admin("POST", "ip_blocks",
                           params=_ip_block_params(ip, severity, comment, expires_in),
                           entity=rt.AdminIpBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_update_ip_block(self, id: IdType, ip: Optional[str] = None,
                              severity: Optional[str] = None, comment: Optional[str] = None,
                              expires_in: Optional[int] = None) -> rt.AdminIpBlock:
        """Change an IP block; parameters left as None stay unchanged. Returns it.

        ``id``: the block, as an id (str or int) or an AdminIpBlock. ``ip``,
        ``severity``, ``comment`` and ``expires_in`` mean what they mean in
        :meth:`admin_create_ip_block`.

        Calls ``PUT /api/v1/admin/ip_blocks/:id``.
        """
        return self._admin("PUT", "ip_blocks", id,
                           params=_ip_block_params(ip, severity, comment, expires_in),
                           entity=rt.AdminIpBlock)

    @api_version("4.0.0", "4.0.0")
    def admin_delete_ip_block(self, id: IdType) -> None:
        """Remove an IP block.

        ``id``: the block, as an id (str or int) or an AdminIpBlock.

        Calls ``DELETE /api/v1/admin/ip_blocks/:id``.
        """
        self._admin("DELETE", "ip_blocks", id)


def _domain_block_params(severity: Optional[str], reject_media: Optional[bool],
                         reject_reports: Optional[bool], private_comment: Optional[str],
                         public_comment: Optional[str], obfuscate: Optional[bool]
                         ) -> Dict[str, Any]:
    """The checked optional fields of a domain block create/update."""
    return {
        "severity": validate.one_of("severity", severity, DOMAIN_BLOCK_SEVERITIES),
        "reject_media": validate.flag("reject_media", reject_media),
        "reject_reports": validate.flag("reject_reports", reject_reports),
        "private_comment": validate.text("private_comment", private_comment),
        "public_comment": validate.text("public_comment", public_comment),
        "obfuscate": validate.flag("obfuscate", obfuscate),
    }


def _ip_block_params(ip: Optional[str], severity: Optional[str], comment: Optional[str],
                     expires_in: Optional[int]) -> Dict[str, Any]:
    """The checked fields of an IP block create/update."""
    return {
        "ip": validate.text("ip", ip),
        "severity": validate.one_of("severity", severity, IP_BLOCK_SEVERITIES),
        "comment": validate.text("comment", comment),
        "expires_in": validate.count("expires_in", expires_in),
    }
