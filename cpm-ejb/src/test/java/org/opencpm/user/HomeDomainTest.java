package org.opencpm.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HomeDomainTest {

    @Test
    void isLowerCased() {
        assertEquals("opencpm.example.org", new HomeDomain("OpenCPM.Example.org").name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"opencpm.test", "localhost", "127.0.0.1", "a-b.c0"})
    void acceptsDomainNames(String domain) {
        assertEquals(domain, new HomeDomain(domain).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "opencpm.test.", ".opencpm.test", "-a.test", "a-.test", "a..test", "a_b.test",
        "[::1]", "opencpm.test:5060", " opencpm.test"})
    void refusesAnythingElse(String domain) {
        assertThrows(IllegalStateException.class, () -> new HomeDomain(domain));
    }
}
