package org.opencpm.msrp.codec;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Random;

/**
 * Transaction ids and Message-IDs: 16 random alphanumerics (about 95 bits), well inside the 4 to 32 characters of
 * an RFC 4975 sec 9 ident. Random ids keep the end-line of a frame unknown to anyone who did not see the frame, so
 * no one can plant it in a body that this server passes on.
 */
public final class Identifiers {

    public static final int LENGTH = 16;
    private static final String ALPHANUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final Random random;

    public Identifiers() {
        this(new SecureRandom());
    }

    /** With a given source of randomness, for repeatable tests. */
    public Identifiers(Random random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public String transactionId() {
        return next();
    }

    /** A transaction id whose end-line does not occur in {@code body} (RFC 4975 sec 7.1). */
    public String transactionIdFor(ByteBuffer body) {
        String id = next();
        while (EndLineScanner.occursIn(id, body)) {
            id = next();
        }
        return id;
    }

    public String messageId() {
        return next();
    }

    /** The session-id of a local MSRP URI: RFC 4975 asks for at least 80 bits of randomness in it. */
    public String sessionId() {
        return next();
    }

    private String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHANUM.charAt(random.nextInt(ALPHANUM.length()));
        }
        return new String(id);
    }
}
