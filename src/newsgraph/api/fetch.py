"""Fetching a URL for analysis without letting the server be turned against its own network.

Rules (each checked again on every redirect):

- only ``http`` and ``https``, no user-info in the URL;
- the host name is resolved here, and the request refused when *any* address
  it resolves to is not a public unicast address (loopback, private,
  link-local, the cloud metadata addresses, multicast, reserved, unspecified,
  shared address space, and IPv6 forms that embed such an IPv4 address);
- the connection then goes to the address that was checked (the ``Host``
  header and TLS server name stay the original host name), so a second DNS
  answer cannot swap in an internal address between check and connect;
- a total timeout for the whole chain of requests and a cap on the body size,
  read in a stream so that a large page is never held in memory.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from newsgraph.api.errors import FetchFailed, UrlRefused
from newsgraph.errors import DecodeError
from newsgraph.ingest.text import decode_text

logger = logging.getLogger(__name__)

Resolver = Callable[[str, int], Sequence[str]]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Addresses that ``is_global`` alone lets through but that must never be fetched.
_BLOCKED_NETWORKS = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",  # "this network"
        "100.64.0.0/10",  # carrier-grade NAT shared space
        "169.254.0.0/16",  # link-local, including 169.254.169.254 (cloud metadata)
        "192.0.0.0/24",  # IETF protocol assignments (192.0.0.192: Oracle metadata)
        "198.18.0.0/15",  # benchmarking
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, broadcast
        "fd00:ec2::254/128",  # AWS metadata over IPv6 (also inside fc00::/7)
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "ff00::/8",  # multicast
        "64:ff9b::/96",  # NAT64 (embeds an IPv4 address)
        "64:ff9b:1::/48",  # local-use NAT64
        "2002::/16",  # 6to4 (embeds an IPv4 address)
    )
)


def _embedded_ipv4(addr: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if addr.ipv4_mapped is not None:
        return addr.ipv4_mapped
    if addr.sixtofour is not None:
        return addr.sixtofour
    if addr.teredo is not None:
        return addr.teredo[1]
    packed = addr.packed
    # IPv4-compatible (::a.b.c.d, deprecated) and NAT64 64:ff9b::a.b.c.d
    if packed[:12] == bytes(12) or packed[:12] == bytes.fromhex("0064ff9b0000000000000000"):
        return ipaddress.IPv4Address(packed[12:])
    return None


def address_refusal(address: str) -> str | None:
    """Why ``address`` (an IP literal) must not be fetched, or ``None`` when it is public."""
    try:
        addr: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address!r} is not an IP address"
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.ipv4_mapped is not None:
            # ::ffff:a.b.c.d is a.b.c.d on a dual-stack socket: same verdict
            reason = address_refusal(str(addr.ipv4_mapped))
            return f"{addr} is {reason}" if reason else None
        inner = _embedded_ipv4(addr)
        if inner is not None and inner != ipaddress.IPv4Address(0):
            reason = address_refusal(str(inner))
            if reason:
                return f"{addr} embeds {reason}"
    if addr.is_loopback:
        return f"{addr} is a loopback address"
    if addr.is_link_local or addr in ipaddress.ip_network("169.254.0.0/16"):
        return f"{addr} is a link-local address (cloud metadata lives there)"
    if addr.is_private:
        return f"{addr} is a private address"
    if addr.is_unspecified:
        return f"{addr} is unspecified"
    for net in _BLOCKED_NETWORKS:
        if addr.version == net.version and addr in net:
            return f"{addr} is in the non-public range {net}"
    if addr.is_multicast or addr.is_reserved or not addr.is_global:
        return f"{addr} is not a public address"
    return None


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchFailed(f"cannot resolve host {host!r}: {exc}") from exc
    return sorted({str(info[4][0]) for info in infos})


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str
    content_type: str
    text: str
    warnings: tuple[str, ...] = ()


def check_url(url: str, resolve: Resolver = system_resolver) -> tuple[httpx.URL, str]:
    """Validate ``url`` and resolve its host; return the URL and the checked address to connect to.

    Raises ``UrlRefused`` for a URL that must not be fetched.
    """
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise UrlRefused(f"malformed URL: {exc}") from exc
    if parts.scheme not in ("http", "https"):
        raise UrlRefused(f"only http and https URLs can be analysed, not {parts.scheme or 'no scheme'!r}")
    if parts.username is not None or parts.password is not None:
        raise UrlRefused("URLs with a user name or password are not fetched")
    host = parts.hostname
    if not host:
        raise UrlRefused("URL has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise UrlRefused(f"bad port in URL: {exc}") from exc
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
        addresses: Sequence[str] = [host]
    except ValueError:
        addresses = resolve(host, port)
    if not addresses:
        raise FetchFailed(f"host {host!r} has no address")
    for address in addresses:
        reason = address_refusal(address)
        if reason:
            raise UrlRefused(f"refusing to fetch {host}: {reason}")
    try:
        parsed = httpx.URL(urlunsplit(parts._replace(fragment="")))
    except httpx.InvalidURL as exc:
        raise UrlRefused(f"malformed URL: {exc}") from exc
    return parsed, addresses[0]


def fetch_url(
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    max_redirects: int,
    resolve: Resolver = system_resolver,
    transport: httpx.BaseTransport | None = None,
) -> FetchedPage:
    """Fetch ``url`` under the rules above and return its decoded text.

    Raises ``UrlRefused`` (the URL, or a redirect, points somewhere not allowed)
    or ``FetchFailed`` (network error, timeout, HTTP error status, too large,
    not text).
    """
    deadline = time.monotonic() + timeout
    current = url
    with httpx.Client(transport=transport, follow_redirects=False, trust_env=False) as client:
        for _hop in range(max_redirects + 1):
            target, address = check_url(current, resolve)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise FetchFailed(f"fetching took longer than {timeout:g} s")
            host = target.host
            pinned = target.copy_with(host=address)
            headers = {
                "Host": target.netloc.decode("ascii"),
                "User-Agent": "newsgraph (article analysis)",
                "Accept": "text/html, text/plain;q=0.9, */*;q=0.1",
            }
            request = client.build_request(
                "GET",
                pinned,
                headers=headers,
                timeout=httpx.Timeout(remaining),
                extensions={"sni_hostname": host},
            )
            try:
                response = client.send(request, stream=True)
            except httpx.TimeoutException as exc:
                raise FetchFailed(f"fetching {current} timed out") from exc
            except httpx.HTTPError as exc:
                raise FetchFailed(f"cannot fetch {current}: {exc}") from exc
            try:
                if response.is_redirect:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchFailed(f"redirect from {current} without a Location")
                    current = urljoin(str(target), location)
                    logger.info("following redirect to %s", current)
                    continue
                if response.status_code >= 400:
                    raise FetchFailed(f"{current} answered HTTP {response.status_code}")
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise FetchFailed(f"{current} is larger than the limit of {max_bytes:,} bytes")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > max_bytes:
                        raise FetchFailed(f"{current} is larger than the limit of {max_bytes:,} bytes")
                    if time.monotonic() > deadline:
                        raise FetchFailed(f"fetching took longer than {timeout:g} s")
                content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if content_type and not (content_type.startswith("text/") or "html" in content_type or "xml" in content_type):
                    raise FetchFailed(f"{current} is {content_type}, not a text or HTML page")
                try:
                    # the rule of every reader: declared charset, UTF-8, mostly UTF-8, detection
                    decoded = decode_text(bytes(body), current, declared=response.charset_encoding)
                except DecodeError as exc:
                    raise FetchFailed(f"{current} is not text: {exc.message}") from exc
                return FetchedPage(
                    url=str(target),
                    content_type=content_type or "text/html",
                    text=decoded.text,
                    warnings=decoded.warnings,
                )
            except httpx.TimeoutException as exc:
                raise FetchFailed(f"fetching {current} timed out") from exc
            except httpx.HTTPError as exc:
                raise FetchFailed(f"cannot fetch {current}: {exc}") from exc
            finally:
                response.close()
    raise FetchFailed(f"more than {max_redirects} redirects from {url}")
