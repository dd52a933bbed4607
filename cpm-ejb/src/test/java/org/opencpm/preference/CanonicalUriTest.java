package org.opencpm.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalUriTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sip:bob@example.com                          | sip:bob@example.com",
            "SIP:Bob@EXAMPLE.com                          | sip:Bob@example.com",
            "sips:bob@example.com                         | sip:bob@example.com",
            "sip:bob@example.com:5061;transport=tls?x=y   | sip:bob@example.com",
            "sip:bob@example.com.                         | sip:bob@example.com",
            "sip:bob@192.0.2.1:5060                       | sip:bob@192.0.2.1",
            "sip:bob@[2001:DB8::1]:5060                   | sip:bob@[2001:db8::1]",
            "sip:+12015550123;npdi@example.com;user=phone | sip:+12015550123;npdi@example.com",
            "sip:b%40b@example.com                        | sip:b%40b@example.com",
            "tel:+1-201-555-0123                          | tel:+12015550123",
            "TEL:+44(20)7946.0000;ext=12                  | tel:+442079460000"})
    void canonicalForms(String uri, String canonical) {
        assertEquals(canonical, CanonicalUri.of(uri));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                             | must be a sip:, sips: or tel: URI",
            "bob@example.com                | must be a sip:, sips: or tel: URI",
            "mailto:bob@example.com         | must be a sip:, sips: or tel: URI",
            "sip:example.com                | must be of the form sip:user@host",
            "sip:@example.com               | must have a user part of RFC 3261 characters before the @",
            "sip:bo b@example.com           | must have a user part of RFC 3261 characters before the @",
            "sip:bob:secret@example.com     | must not contain a password",
            "sip:bob@                       | must have a host name or IP address after the @",
            "sip:bob@exa_mple.com           | must have a host name or IP address after the @",
            "sip:bob@example.com:50x        | must have a numeric port, if any",
            "tel:5550123;phone-context=+1   | must be a global number, tel:+ followed by digits",
            "tel:+                          | must be a global number, tel:+ followed by digits",
            "tel:+1 201                     | must be a global number, tel:+ followed by digits"})
    void refusals(String uri, String reason) {
        assertEquals(reason, assertThrows(IllegalArgumentException.class, () -> CanonicalUri.of(uri)).getMessage());
    }

    @Test
    void lengthIsBounded() {
        String uri = "sip:" + "b".repeat(241) + "@example.com";

        assertEquals("must be at most 256 characters",
                assertThrows(IllegalArgumentException.class, () -> CanonicalUri.of(uri)).getMessage());
    }
}
