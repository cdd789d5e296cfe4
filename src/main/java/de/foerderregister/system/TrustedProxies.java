package de.foerderregister.system;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who sent a request and how it reached us. The forwarding headers ({@code Forwarded},
 * {@code X-Forwarded-For/-Proto/-Host}) are anyone's to write, so they count only when the
 * connection comes from a proxy listed in {@code registry.trusted-proxies} (CIDR ranges, none by
 * default): then the hops those proxies added are followed back to the first address that is not a
 * trusted proxy — the client. Everything that asks "which address is this?" (the login throttle)
 * or "did this come over HTTPS?" (Secure cookies, HSTS, the page's own origin) asks here.
 */
@Singleton
public class TrustedProxies {

    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");

    private final List<Range> proxies;

    public TrustedProxies(@Value("${registry.trusted-proxies:}") List<String> ranges) {
        this.proxies = ranges.stream().map(String::strip).filter(range -> !range.isEmpty()).map(Range::parse).toList();
    }

    /** What the proxies in front of us say about the request, as far as we trust them. */
    public record Origin(InetAddress client, boolean https, String host) {
    }

    /** The client's address: the connection's peer, or the last untrusted hop the trusted proxies name. */
    public InetAddress clientAddress(HttpRequest<?> request) {
        return resolve(request).client();
    }

    /** Whether the client's request came over HTTPS, to us or to the trusted proxy it reached first. */
    public boolean cameOverHttps(HttpRequest<?> request) {
        return resolve(request).https();
    }

    /** The site's own origin as the client sees it, e.g. {@code https://foerderregister.example}. */
    public String ownOrigin(HttpRequest<?> request) {
        Origin origin = resolve(request);
        return normalise((origin.https() ? "https://" : "http://") + origin.host());
    }

    /** An {@code Origin} header value without default ports and in lower case, comparable to {@link #ownOrigin}. */
    public static String normalise(String origin) {
        String value = origin.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("https://") && value.endsWith(":443")) {
            return value.substring(0, value.length() - 4);
        }
        if (value.startsWith("http://") && value.endsWith(":80")) {
            return value.substring(0, value.length() - 3);
        }
        return value;
    }

    private Origin resolve(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (host == null) {
            host = request.getServerAddress().getHostString() + ":" + request.getServerAddress().getPort();
        }
        return resolve(peer(request), request.isSecure(), host, request.getHeaders());
    }

    /** The connection's peer, scheme and Host, corrected by what the trusted proxies among the hops say. */
    Origin resolve(InetAddress connectionPeer, boolean secure, String hostHeader, HttpHeaders headers) {
        InetAddress peer = connectionPeer;
        boolean https = secure;
        String host = hostHeader;
        if (!isTrusted(peer)) {
            return new Origin(peer, https, host);
        }
        List<Hop> hops = hops(headers);
        // from the nearest hop outwards, while the address that sent the hop is a proxy of ours
        for (int i = hops.size() - 1; i >= 0 && isTrusted(peer); i--) {
            Hop hop = hops.get(i);
            if (hop.proto() != null) {
                https = hop.proto().equalsIgnoreCase("https");
            }
            if (hop.host() != null) {
                host = hop.host();
            }
            Optional<InetAddress> sender = hop.from().flatMap(TrustedProxies::address);
            if (sender.isEmpty()) {
                break; // no address, or an obfuscated one: the proxy that wrote the hop is the last we know
            }
            peer = sender.get();
        }
        return new Origin(peer, https, host);
    }

    boolean isTrusted(InetAddress address) {
        return proxies.stream().anyMatch(range -> range.contains(address));
    }

    private static InetAddress peer(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote.getAddress() != null ? remote.getAddress() : InetAddress.getLoopbackAddress();
    }

    /** One proxy's account of the connection it received. */
    private record Hop(Optional<String> from, String proto, String host) {
    }

    /**
     * The hops, the client's first: RFC 7239 {@code Forwarded} where present, else the
     * X-Forwarded headers. Of X-Forwarded-Proto and -Host only the last value counts: it is the
     * one the nearest proxy wrote, the others are not aligned with the addresses.
     */
    private static List<Hop> hops(HttpHeaders headers) {
        List<Hop> hops = new ArrayList<>();
        List<String> forwarded = headers.getAll("Forwarded");
        if (!forwarded.isEmpty()) {
            for (String header : forwarded) {
                for (String element : COMMA.split(header.strip())) {
                    String from = null;
                    String proto = null;
                    String host = null;
                    for (String pair : element.split(";")) {
                        String[] nameValue = pair.split("=", 2);
                        if (nameValue.length != 2) {
                            continue;
                        }
                        String value = unquote(nameValue[1].strip());
                        switch (nameValue[0].strip().toLowerCase(Locale.ROOT)) {
                            case "for" -> from = value;
                            case "proto" -> proto = value;
                            case "host" -> host = value;
                            default -> { }
                        }
                    }
                    hops.add(new Hop(Optional.ofNullable(from), proto, host));
                }
            }
            return hops;
        }
        List<String> addresses = headers.getAll("X-Forwarded-For").stream()
                .flatMap(header -> COMMA.splitAsStream(header.strip())).filter(value -> !value.isEmpty()).toList();
        String proto = last(headers.getAll("X-Forwarded-Proto"));
        String host = last(headers.getAll("X-Forwarded-Host"));
        for (int i = 0; i < addresses.size(); i++) {
            boolean nearest = i == addresses.size() - 1;
            hops.add(new Hop(Optional.of(addresses.get(i)), nearest ? proto : null, nearest ? host : null));
        }
        if (addresses.isEmpty() && (proto != null || host != null)) {
            // a proxy that only tells the scheme: the client stays the proxy itself
            hops.add(new Hop(Optional.empty(), proto, host));
        }
        return hops;
    }

    private static String last(List<String> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        String[] values = COMMA.split(headers.get(headers.size() - 1).strip());
        String value = values[values.length - 1];
        return value.isEmpty() ? null : value;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** A literal address of a hop ({@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711}); never a DNS lookup. */
    static Optional<InetAddress> address(String node) {
        String value = node.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            value = end < 0 ? "" : value.substring(1, end);
        } else if (value.indexOf(':') == value.lastIndexOf(':') && value.contains(":")) {
            value = value.substring(0, value.indexOf(':'));
        }
        if (value.isEmpty() || !(value.contains(":") || value.matches("[0-9.]+"))) {
            return Optional.empty(); // "unknown", "_hidden" or a host name
        }
        try {
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address range in CIDR notation; a bare address is a range of one. */
    record Range(byte[] network, int prefix) {

        static Range parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            InetAddress address = address(parts[0])
                    .orElseThrow(() -> new ConfigurationException("registry.trusted-proxies: not an address range: " + cidr));
            byte[] bytes = address.getAddress();
            int prefix;
            try {
                prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : bytes.length * 8;
            } catch (NumberFormatException e) {
                throw new ConfigurationException("registry.trusted-proxies: not an address range: " + cidr);
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new ConfigurationException("registry.trusted-proxies: prefix out of range: " + cidr);
            }
            return new Range(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
