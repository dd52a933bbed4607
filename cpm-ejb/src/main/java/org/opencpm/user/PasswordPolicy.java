package org.opencpm.user;

/**
 * What a password must be: 8 to 128 characters (Unicode code points), no control characters (a newline or NUL in
 * a password is almost always a copy-paste accident, and SIP clients could not type it). It is hashed as UTF-8.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private static final String FIELD = "password";

    private PasswordPolicy() {
    }

    /** @throws InvalidUserException on field {@code password} */
    public static void check(String password) {
        if (password == null || password.isEmpty()) {
            throw new InvalidUserException(FIELD, "is required");
        }
        // Cheap bound first: a code point is at most two chars.
        if (password.length() > 2 * MAX_LENGTH || !lengthAllowed(password.codePointCount(0, password.length()))) {
            throw new InvalidUserException(FIELD, "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        if (password.codePoints().anyMatch(PasswordPolicy::forbidden)) {
            throw new InvalidUserException(FIELD, "must not contain control characters or unpaired surrogates");
        }
    }

    private static boolean lengthAllowed(int length) {
        return length >= MIN_LENGTH && length <= MAX_LENGTH;
    }

    // An unpaired surrogate would be encoded as '?' in UTF-8, so two different passwords would hash alike.
    private static boolean forbidden(int codePoint) {
        return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.SURROGATE;
    }
}
