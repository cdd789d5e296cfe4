package de.foerderregister.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The address a request came from, for the login throttle: the socket's peer, unless that peer is
 * one of {@code registry.trusted-proxies} (CIDR blocks, none by default). Then X-Forwarded-For is
 * read from the right, skipping trusted proxies, and the first other address is the client: what
 * a client writes further left is its own claim and is not believed. Micronaut's
 * client-address-header would believe any sender, so it is not used.
 */
@Singleton
public class ClientAddress {

    private record Block(byte[] network, int prefix) {

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Block> trusted;

    public ClientAddress(@Nullable @Value("${registry.trusted-proxies:}") List<String> trustedProxies) {
        this.trusted = trustedProxies == null ? List.of()
                : trustedProxies.stream().filter(block -> !block.isBlank()).map(ClientAddress::block).toList();
    }

    public String of(@Nullable HttpRequest<?> request) {
        if (request == null) {
            return "unknown";
        }
        InetAddress peer = request.getRemoteAddress().getAddress();
        if (peer == null) {
            return "unknown";
        }
        if (!isTrusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> forwarded = request.getHeaders().getAll("X-Forwarded-For").stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip).filter(hop -> !hop.isEmpty()).toList();
        InetAddress client = peer;
        for (int i = forwarded.size() - 1; i >= 0 && isTrusted(client); i--) {
            InetAddress hop = literal(forwarded.get(i));
            if (hop == null) {
                // not an address: whatever stands left of it cannot be trusted either
                break;
            }
            client = hop;
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(block -> block.contains(address));
    }

    /** Only numeric addresses: a name in the header is never looked up. */
    @Nullable
    private static InetAddress literal(String text) {
        if (!text.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Block block(String cidr) {
        String[] parts = cidr.strip().split("/", 2);
        InetAddress network = literal(parts[0]);
        if (network == null) {
            throw new ConfigurationException("registry.trusted-proxies: '" + cidr + "' is not an address or CIDR block");
        }
        int bits = network.getAddress().length * 8;
        int prefix = parts.length == 1 ? bits : Integer.parseInt(parts[1]);
        if (prefix < 0 || prefix > bits) {
            throw new ConfigurationException("registry.trusted-proxies: '" + cidr + "' has a prefix outside 0–" + bits);
        }
        return new Block(network.getAddress(), prefix);
    }
}
