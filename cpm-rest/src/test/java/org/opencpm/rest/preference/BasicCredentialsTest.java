package org.opencpm.rest.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "alice:secret                    | alice                  | secret",
            "alice@opencpm.test:se:cr:et     | alice@opencpm.test     | se:cr:et",
            "sip:alice@opencpm.test:secret   | sip:alice@opencpm.test | secret",
            "SIP:alice@opencpm.test:secret   | SIP:alice@opencpm.test | secret",
            "alice:                          | alice                  | ''",
            "alice:pässwörd                  | alice                  | pässwörd"})
    void userIdAndPassword(String userPass, String userId, String password) {
        BasicCredentials credentials = BasicCredentials.parse(basic(userPass)).orElseThrow();

        assertEquals(userId, credentials.userId());
        assertEquals(password, credentials.password());
        assertEquals("BasicCredentials[userId=" + userId + "]", credentials.toString());
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertEquals("alice", BasicCredentials.parse("basic " + basic("alice:x").substring(6)).orElseThrow().userId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer abc", "Digest username=\"alice\"", "Basic", "Basic !!!", "Basic YWxpY2U="})
    void notBasicCredentials(String authorization) {
        assertEquals(Optional.empty(), BasicCredentials.parse(authorization));
    }

    @Test
    void noHeader() {
        assertEquals(Optional.empty(), BasicCredentials.parse(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "alice                         | alice",
            "alice@opencpm.test            | alice",
            "alice@OPENCPM.TEST            | alice",
            "sip:alice@opencpm.test        | alice",
            "sip:alice@opencpm.test;lr     | alice"})
    void theUserOfTheHomeDomain(String userId, String username) {
        assertEquals(Optional.of(username), new BasicCredentials(userId, "x").username("opencpm.test"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice@example.com", "sip:alice@example.com", "sip:alice", "tel:+12015550123",
            "al ice", "alice@opencpm.test:5060"})
    void noUserOfTheHomeDomain(String userId) {
        assertEquals(Optional.empty(), new BasicCredentials(userId, "x").username("opencpm.test"));
    }
}
