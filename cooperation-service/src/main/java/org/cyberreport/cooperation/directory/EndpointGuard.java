package org.cyberreport.cooperation.directory;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps foreign endpoints on the public internet: https only, no credentials in the URL, and every
 * address the host resolves to must be public (no loopback, private, link-local, metadata, CGNAT,
 * multicast, unique-local, or IPv6 address that embeds an IPv4 one). A host on the local-development
 * allow-list is exempt, and may use http; the list is empty unless configured. The check runs when an
 * entry is saved and again just before every delivery, so a name that later resolves elsewhere is
 * caught; the HTTP client resolves the name once more when it connects, so a resolver that changes its
 * answer within that moment is not: deployments should also restrict the service's egress.
 */
public final class EndpointGuard {

    private final Set<String> allowedForDevelopment;

    public EndpointGuard(List<String> allowedForDevelopment) {
        this.allowedForDevelopment = Set.copyOf(allowedForDevelopment.stream()
                .map(host -> host.toLowerCase(Locale.ROOT)).toList());
    }

    public URI check(String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint).normalize();
        } catch (IllegalArgumentException invalid) {
            throw new UnsafeEndpoint("not a valid URL");
        }
        String host = uri.getHost();
        if (host == null || uri.getScheme() == null) {
            throw new UnsafeEndpoint("an absolute URL with a host is required");
        }
        if (uri.getUserInfo() != null) {
            throw new UnsafeEndpoint("credentials in the URL are not allowed");
        }
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean development = allowedForDevelopment.contains(bareHost.toLowerCase(Locale.ROOT));
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(development && scheme.equals("http"))) {
            throw new UnsafeEndpoint("only https is allowed");
        }
        if (uri.getFragment() != null) {
            throw new UnsafeEndpoint("a fragment is not allowed");
        }
        if (!development) {
            requirePublic(bareHost);
        }
        return uri;
    }

    private static void requirePublic(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException unresolvable) {
            throw new UnsafeEndpoint("the host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new UnsafeEndpoint("the host resolves to a non-public address (" + address.getHostAddress() + ")");
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 || first == 100 && second >= 64 && second <= 127 // carrier-grade NAT
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || first == 198 && (second == 18 || second == 19) // benchmarking
                    || first >= 240);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            boolean uniqueLocal = (first & 0xfe) == 0xfc;
            boolean mappedV4 = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatibleV4 = isZero(b, 0, 12);
            // Addresses that carry an IPv4 address inside (NAT64 64:ff9b::/96, 6to4 2002::/16) could reach a private one.
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            boolean sixToFour = (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02;
            return !uniqueLocal && !mappedV4 && !compatibleV4 && !nat64 && !sixToFour;
        }
        return false;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
