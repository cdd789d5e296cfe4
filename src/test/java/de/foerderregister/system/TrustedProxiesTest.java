package de.foerderregister.system;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The forwarding headers as a client would forge them, with and without trusted proxies in front. */
class TrustedProxiesTest {

    private static final TrustedProxies NONE = new TrustedProxies(List.of());
    private static final TrustedProxies PROXIES = new TrustedProxies(List.of("10.0.0.0/8", "2001:db8::/32", "192.0.2.7"));

    @Test
    void withoutTrustedProxiesTheHeadersAreIgnored() {
        TrustedProxies.Origin origin = NONE.resolve(ip("10.1.2.3"), false, "registry.example",
                headers("X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example"));
        assertEquals(ip("10.1.2.3"), origin.client());
        assertFalse(origin.https());
        assertEquals("registry.example", origin.host());
    }

    @Test
    void aClientThatIsNoProxyCannotClaimAnotherAddressOrHttps() {
        TrustedProxies.Origin origin = PROXIES.resolve(ip("203.0.113.50"), false, "registry.example",
                headers("X-Forwarded-For", "10.0.0.1", "X-Forwarded-Proto", "https", "Forwarded", "for=10.0.0.2;proto=https"));
        assertEquals(ip("203.0.113.50"), origin.client());
        assertFalse(origin.https());
    }

    @Test
    void theChainIsFollowedBackToTheFirstUntrustedAddress() {
        // the client forged the first entry; the proxies appended the client and themselves
        TrustedProxies.Origin origin = PROXIES.resolve(ip("10.0.0.1"), false, "backend:8080",
                headers("X-Forwarded-For", "1.2.3.4, 203.0.113.9, 10.0.0.2", "X-Forwarded-Proto", "https",
                        "X-Forwarded-Host", "registry.example"));
        assertEquals(ip("203.0.113.9"), origin.client());
        assertTrue(origin.https());
        assertEquals("registry.example", origin.host());
    }

    @Test
    void forwardedHeaderOfRfc7239WithIpv6AndPorts() {
        TrustedProxies.Origin origin = PROXIES.resolve(ip("192.0.2.7"), false, "backend",
                headers("Forwarded", "for=\"[2001:db8::1]:4711\";proto=http, for=\"[2001:db9::5]\";proto=https;host=registry.example"));
        // 192.0.2.7 wrote the last element (proto=https, host): its sender 2001:db9::5 is not ours
        assertEquals(ip("2001:db9::5"), origin.client());
        assertTrue(origin.https());
        assertEquals("registry.example", origin.host());
    }

    @Test
    void anObfuscatedHopEndsTheWalkAtTheProxyThatWroteIt() {
        TrustedProxies.Origin origin = PROXIES.resolve(ip("10.0.0.1"), false, "h",
                headers("Forwarded", "for=_hidden;proto=https"));
        assertEquals(ip("10.0.0.1"), origin.client());
        assertTrue(origin.https());
        TrustedProxies.Origin named = PROXIES.resolve(ip("10.0.0.1"), false, "h", headers("X-Forwarded-For", "proxy.example"));
        assertEquals(ip("10.0.0.1"), named.client(), "host names are never looked up");
    }

    @Test
    void onlyTheNearestProtoCounts() {
        TrustedProxies.Origin origin = PROXIES.resolve(ip("10.0.0.1"), false, "h",
                headers("X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https, http"));
        assertFalse(origin.https(), "the client's own 'https' before the proxy's 'http' does not count");
        assertTrue(PROXIES.resolve(ip("10.0.0.1"), false, "h", headers("X-Forwarded-Proto", "https")).https());
        assertTrue(PROXIES.resolve(ip("203.0.113.9"), true, "h", headers()).https(), "TLS to us directly");
    }

    @Test
    void rangesAndOrigins() {
        assertTrue(PROXIES.isTrusted(ip("10.255.255.255")));
        assertFalse(PROXIES.isTrusted(ip("11.0.0.0")));
        assertTrue(PROXIES.isTrusted(ip("2001:db8:ffff::1")));
        assertFalse(PROXIES.isTrusted(ip("192.0.2.8")));
        assertThrows(ConfigurationException.class, () -> new TrustedProxies(List.of("10.0.0.0/33")));
        assertThrows(ConfigurationException.class, () -> new TrustedProxies(List.of("proxy.example")));
        assertEquals("https://registry.example", TrustedProxies.normalise("HTTPS://Registry.Example:443"));
        assertEquals("http://localhost:8080", TrustedProxies.normalise("http://localhost:8080"));
    }

    private static InetAddress ip(String literal) {
        return TrustedProxies.address(literal).orElseThrow();
    }

    private static HttpHeaders headers(String... namesAndValues) {
        MutableHttpRequest<?> request = HttpRequest.GET("/");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            request.header(namesAndValues[i], namesAndValues[i + 1]);
        }
        return request.getHeaders();
    }
}
