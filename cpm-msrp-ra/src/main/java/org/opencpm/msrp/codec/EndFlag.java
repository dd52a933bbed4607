package org.opencpm.msrp.codec;

/** The continuation flag that closes an end-line (RFC 4975 sec 9). */
public enum EndFlag {
    /** {@code $}: the last chunk of the message. */
    COMPLETE('$'),
    /** {@code +}: more chunks of the message follow. */
    MORE('+'),
    /** {@code #}: the sender aborts the message; no more chunks of it follow. */
    ABORTED('#');

    private final char symbol;

    EndFlag(char symbol) {
        this.symbol = symbol;
    }

    public char symbol() {
        return symbol;
    }

    /** The flag for a byte of an end-line, or null if the byte is none of {@code $+#}. */
    static EndFlag of(int b) {
        for (EndFlag f : values()) {
            if (f.symbol == b) {
                return f;
            }
        }
        return null;
    }
}
