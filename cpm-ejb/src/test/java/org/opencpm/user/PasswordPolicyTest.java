package org.opencpm.user;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "Circle Of Life", "pässwörd", "😀😀😀😀😀😀😀😀", " spaces are fine "})
    void accepts(String password) {
        assertDoesNotThrow(() -> PasswordPolicy.check(password));
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 128})
    void acceptsTheBoundaryLengths(int length) {
        assertDoesNotThrow(() -> PasswordPolicy.check("p".repeat(length)));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void requiresAPassword(String password) {
        assertRefused(password, "password is required");
    }

    static Stream<Arguments> refused() {
        String length = "password must be 8 to 128 characters long";
        String characters = "password must not contain control characters or unpaired surrogates";
        return Stream.of(
                Arguments.of("1234567", length),
                Arguments.of("p".repeat(129), length),
                Arguments.of("😀".repeat(129), length),
                Arguments.of("p".repeat(10_000), length),
                Arguments.of("password\n", characters),
                Arguments.of("pass\u0000word", characters),
                Arguments.of("pass\u007fword", characters),
                Arguments.of("password\ud83d", characters));
    }

    @ParameterizedTest
    @MethodSource
    void refused(String password, String message) {
        assertRefused(password, message);
    }

    private static void assertRefused(String password, String message) {
        InvalidUserException e = assertThrows(InvalidUserException.class, () -> PasswordPolicy.check(password));
        assertEquals("password", e.field());
        assertEquals(message, e.getMessage());
    }
}
