package org.opencpm.msrp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MsrpUriTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                // The URIs of the RFC 4975 examples.
                Arguments.of("msrp://atlanta.example.com:7654/jshA7weztas;tcp",
                        false, "atlanta.example.com", 7654, "jshA7weztas", List.of()),
                Arguments.of("msrp://biloxi.example.com:12763/kjhd37s2s20w2a;tcp",
                        false, "biloxi.example.com", 12763, "kjhd37s2s20w2a", List.of()),
                // RFC 4976: a relay's URI has userinfo and no session-id.
                Arguments.of("msrps://alice@intra.example.com;tcp",
                        true, "intra.example.com", -1, null, List.of()),
                Arguments.of("MSRPS://[2001:db8::1]:2855/a+b=c/d;TCP;foo;bar=baz",
                        true, "[2001:db8::1]", 2855, "a+b=c/d", List.of("foo", "bar=baz")),
                Arguments.of("msrp://192.0.2.7:9/s-1.2_3~;tcp", false, "192.0.2.7", 9, "s-1.2_3~", List.of()),
                Arguments.of("msrp://h%41st:1/x;sctp", false, "h%41st", 1, "x", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesThePartsOfSection6(String text, boolean secure, String host, int port, String sessionId,
            List<String> parameters) {
        MsrpUri uri = MsrpUri.parse(text);
        assertEquals(secure, uri.secure());
        assertEquals(host, uri.host());
        assertEquals(port, uri.port());
        assertEquals(Optional.ofNullable(sessionId), uri.sessionId());
        assertEquals(parameters, uri.parameters());
        assertEquals(text, uri.toString());
    }

    @Test
    void defaultsThePortAndKnowsTcp() {
        MsrpUri relay = MsrpUri.parse("msrps://alice@intra.example.com;tcp");
        assertEquals(2855, relay.effectivePort());
        assertEquals(Optional.of("alice"), relay.userinfo());
        assertTrue(relay.isTcp());
        assertFalse(MsrpUri.parse("msrp://h:1/x;sctp").isTcp());
    }

    @Test
    void buildsLocalUris() {
        assertEquals("msrp://192.0.2.1:2855/abc;tcp", MsrpUri.of(false, "192.0.2.1", 2855, "abc").toString());
        assertEquals("msrps://[::1]:9/abc;tcp", MsrpUri.of(true, "::1", 9, "abc").toString());
        assertThrows(MsrpProtocolException.class, () -> MsrpUri.of(false, "h", 1, "a b"));
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {
        "msrp://atlanta.example.com:7654/jshA7weztas;tcp | MSRP://ATLANTA.example.COM:7654/jshA7weztas;TCP",
        "msrp://alice@h.example.com:1/s;tcp | msrp://bob@h.example.com:1/s;tcp",
        "msrp://h.example.com:1/s;tcp | msrp://h.example.com:1/s;tcp;x=y",
        "msrp://h%2Eexample.com:1/s;tcp | msrp://h.example.com:1/s;tcp",
        "msrp://h%41:1/s;tcp | msrp://ha:1/s;tcp",
    })
    void equalBySection61(String a, String b) {
        assertEquals(MsrpUri.parse(a), MsrpUri.parse(b));
        assertEquals(MsrpUri.parse(a).hashCode(), MsrpUri.parse(b).hashCode());
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {
        "msrp://h.example.com:1/jshA7weztas;tcp | msrp://h.example.com:1/JSHA7WEZTAS;tcp",
        "msrp://h.example.com:1/s;tcp | msrps://h.example.com:1/s;tcp",
        "msrp://h.example.com:2855/s;tcp | msrp://h.example.com/s;tcp",
        "msrp://h.example.com:1/s;tcp | msrp://h.example.com:2/s;tcp",
        "msrp://h.example.com:1/s;tcp | msrp://h.example.com:1;tcp",
        "msrp://h.example.com:1/s;tcp | msrp://h.example.com:1/s;sctp",
        "msrp://h.example.com:1/s;tcp | msrp://g.example.com:1/s;tcp",
    })
    void differentBySection61(String a, String b) {
        assertNotEquals(MsrpUri.parse(a), MsrpUri.parse(b));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sip:alice@example.com | MSRP URI scheme malformed",
        "http://h:1/s;tcp | MSRP URI scheme malformed",
        "msrp:/h:1/s;tcp | MSRP URI scheme malformed",
        "msrp://:1/s;tcp | MSRP URI host malformed",
        "msrp://h h:1/s;tcp | MSRP URI host malformed",
        "msrp://h%4:1/s;tcp | MSRP URI host malformed",
        "msrp://[zz::1]:1/s;tcp | MSRP URI host malformed",
        "msrp://a b@h:1/s;tcp | MSRP URI userinfo malformed",
        "msrp://h:/s;tcp | MSRP URI port malformed",
        "msrp://h:65536/s;tcp | MSRP URI port malformed",
        "msrp://h:12a/s;tcp | MSRP URI port malformed",
        "msrp://h:1/;tcp | MSRP URI session-id malformed",
        "msrp://h:1/a%20b;tcp | MSRP URI session-id malformed",
        "msrp://h:1/s | MSRP URI transport malformed",
        "msrp://h:1/s; | MSRP URI transport malformed",
        "msrp://h:1/s;t-cp | MSRP URI transport malformed",
        "msrp://h:1/s;tcp; | MSRP URI parameter malformed",
        "msrp://h:1/s;tcp;a=b=c | MSRP URI parameter malformed",
    })
    void rejectsWithAReason(String text, String reason) {
        MsrpProtocolException e = assertThrows(MsrpProtocolException.class, () -> MsrpUri.parse(text));
        assertEquals(reason, e.getMessage());
        assertEquals(MsrpStatus.BAD_REQUEST, e.status());
    }

    @Test
    void boundsTheLength() {
        String tooLong = "msrp://h:1/" + "s".repeat(MsrpUri.MAX_LENGTH) + ";tcp";
        assertEquals("MSRP URI too long",
                assertThrows(MsrpProtocolException.class, () -> MsrpUri.parse(tooLong)).getMessage());
    }

    @Test
    void pathsKeepTheirOrderAndText() {
        String relayed = "msrps://relay.example.com:2855/r1;tcp  msrp://bob.example.com:8888/9di4eae923wzd;tcp";
        List<MsrpUri> path = MsrpPath.parse(relayed);
        assertEquals(2, path.size());
        assertEquals("9di4eae923wzd", path.get(1).sessionId().orElseThrow());
        assertEquals(relayed.replace("  ", " "), MsrpPath.format(path));
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "'' | MSRP path empty",
        "'   ' | MSRP path empty",
        "msrp://h:1/s;tcp x | MSRP URI scheme malformed",
    })
    void rejectsBadPaths(String value, String reason) {
        assertEquals(reason, assertThrows(MsrpProtocolException.class, () -> MsrpPath.parse(value)).getMessage());
    }

    @Test
    void boundsThePathLength() {
        String many = "msrp://h:1/s;tcp ".repeat(MsrpPath.MAX_URIS + 1);
        assertEquals("MSRP path has more than 32 URIs",
                assertThrows(MsrpProtocolException.class, () -> MsrpPath.parse(many)).getMessage());
    }
}
