package org.opencpm.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserAddressTest {

    private static final String HOME = "opencpm.test";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "sip:alice@opencpm.test                         | sip:alice@opencpm.test",
        "SIP:alice@OpenCPM.Test                         | sip:alice@opencpm.test",
        "sip:Alice@opencpm.test                         | sip:Alice@opencpm.test",
        "sip:alice@opencpm.test;transport=tcp;lr        | sip:alice@opencpm.test",
        "sip:alice@opencpm.test?subject=hi              | sip:alice@opencpm.test",
        "sip:+33612345678@opencpm.test                  | sip:+33612345678@opencpm.test",
        "sip:a-b_c.d!e~f*g'h(i)j@opencpm.test           | sip:a-b_c.d!e~f*g'h(i)j@opencpm.test",
    })
    void canonicalises(String input, String canonical) {
        assertEquals(canonical, UserAddress.parse(input, HOME).uri());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "alice@opencpm.test                             | must be a SIP URI of the form sip:user@opencpm.test",
        "sips:alice@opencpm.test                        | must be a SIP URI of the form sip:user@opencpm.test",
        "tel:+33612345678                               | must be a SIP URI of the form sip:user@opencpm.test",
        "<sip:alice@opencpm.test>                       | must be a SIP URI of the form sip:user@opencpm.test",
        "\" sip:alice@opencpm.test\"                    | must be a SIP URI of the form sip:user@opencpm.test",
        "sip:alice                                      | must be of the form sip:user@opencpm.test",
        "sip:@opencpm.test                              | must have a user part before the @",
        "sip:alice:secret@opencpm.test                  | must have a user part of only ASCII letters, digits and - _ . ! ~ * ' ( ) +",
        "sip:al%69ce@opencpm.test                       | must have a user part of only ASCII letters, digits and - _ . ! ~ * ' ( ) +",
        "sip:a;b@opencpm.test                           | must have a user part of only ASCII letters, digits and - _ . ! ~ * ' ( ) +",
        "sip:a/b@opencpm.test                           | must have a user part of only ASCII letters, digits and - _ . ! ~ * ' ( ) +",
        "sip:al ice@opencpm.test                        | must have a user part of only ASCII letters, digits and - _ . ! ~ * ' ( ) +",
        "sip:élise@opencpm.test                         | must have a user part of only ASCII letters, digits and - _ . ! ~ * ' ( ) +",
        "sip:alice@example.com                          | must be in the home domain opencpm.test",
        "sip:alice@opencpm.test.                        | must be in the home domain opencpm.test",
        "sip:alice@sub.opencpm.test                     | must be in the home domain opencpm.test",
        "sip:alice@                                     | must be in the home domain opencpm.test",
        "sip:a@b@opencpm.test                           | must be in the home domain opencpm.test",
        "sip:alice@opencpm.test:5060                    | must not have a port",
    })
    void refuses(String input, String message) {
        InvalidUserException e = assertThrows(InvalidUserException.class, () -> UserAddress.parse(input, HOME));
        assertEquals("address", e.field());
        assertEquals("address " + message, e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void requiresAnAddress(String input) {
        InvalidUserException e = assertThrows(InvalidUserException.class, () -> UserAddress.parse(input, HOME));
        assertEquals("address is required", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64})
    void acceptsUserPartsOfOneTo64Characters(int length) {
        String user = "u".repeat(length);
        assertEquals(user, UserAddress.parse("sip:" + user + "@" + HOME, HOME).user());
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 200})
    void refusesLongerUserParts(int length) {
        InvalidUserException e = assertThrows(InvalidUserException.class,
                () -> UserAddress.parse("sip:" + "u".repeat(length) + "@" + HOME, HOME));
        assertEquals("address must have a user part of at most 64 characters", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {257, 100_000})
    void refusesAddressesLongerThan256Characters(int length) {
        String input = "sip:alice@" + HOME + ";p=" + "x".repeat(length);
        InvalidUserException e = assertThrows(InvalidUserException.class, () -> UserAddress.parse(input, HOME));
        assertEquals("address must be at most 256 characters", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "sip:alice@opencpm.test  | sip:alice@opencpm.test",
        "alice@opencpm.test      | sip:alice@opencpm.test",
        "alice@OPENCPM.test;x=y  | sip:alice@opencpm.test",
    })
    void referencesMayOmitTheScheme(String input, String canonical) {
        assertEquals(canonical, UserAddress.parseReference(input, HOME).uri());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "alice                   | must be of the form sip:user@opencpm.test",
        "sips:alice@opencpm.test | must be a SIP URI of the form sip:user@opencpm.test",
        "alice@example.com       | must be in the home domain opencpm.test",
    })
    void referencesAreValidatedToo(String input, String message) {
        InvalidUserException e = assertThrows(InvalidUserException.class,
                () -> UserAddress.parseReference(input, HOME));
        assertEquals("address " + message, e.getMessage());
    }
}
