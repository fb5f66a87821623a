package app.backbone.webhook.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Whether a subscription URL may be delivered to: {@code https} only, to a host that resolves to public addresses
 * only (no loopback, private, link-local, carrier-grade NAT, unique-local, multicast or unspecified one), unless
 * private targets are allowed, which also allows {@code http}. A cloud metadata address is refused always. Checked
 * when subscribing and again before each delivery, since what a name resolves to can change.
 */
public final class TargetGuard {

    /** Resolves a host name to all its addresses. */
    @FunctionalInterface
    public interface Resolver {

        /** The JVM's resolver. */
        Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /**
     * An allowed URL and the address it was checked at: a request must connect to that address, not resolve the host
     * again, so that a name answering another address the second time cannot lead it elsewhere.
     */
    public record Target(URI uri, String host, InetAddress address) {
    }

    /** A refused URL: {@code rule} names the rule it breaks, {@code getMessage()} says how. */
    public static final class Refused extends Exception {

        private final String rule;

        Refused(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    private static final List<InetAddress> METADATA = List.of(
            literal("169.254.169.254"), literal("fd00:ec2:0:0:0:0:0:254"));

    private final boolean allowPrivate;
    private final Resolver resolver;

    public TargetGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /**
     * The URL, parsed, with the first address its host resolves to, if it may be delivered to; otherwise
     * {@link Refused} naming the rule.
     */
    public Target check(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("url-syntax", "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw new Refused("https-required", allowPrivate ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new Refused("url-syntax", "must name a host and no user information");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("unresolvable-host", "names a host that does not resolve: " + host);
        }
        if (addresses.isEmpty()) {
            throw new Refused("unresolvable-host", "names a host that does not resolve: " + host);
        }
        for (InetAddress address : addresses) {
            if (METADATA.contains(address)) {
                throw new Refused("metadata-address", "resolves to a cloud metadata address, which is never allowed");
            }
            if (!allowPrivate && !isPublic(address)) {
                throw new Refused("private-address", "resolves to a loopback, private or link-local address ("
                        + address.getHostAddress() + "), which this deployment does not allow");
            }
        }
        return new Target(uri, host, addresses.get(0));
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            boolean carrierNat = first == 100 && second >= 64 && second <= 127;
            boolean reserved = first == 0 || first >= 240 || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0);
            return !carrierNat && !reserved;
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
            return !uniqueLocal;
        }
        return false;
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
