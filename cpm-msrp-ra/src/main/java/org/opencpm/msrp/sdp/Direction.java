package org.opencpm.msrp.sdp;

import java.util.Locale;
import java.util.Optional;

/**
 * The direction attributes of RFC 4566 sec 6 ({@code a=sendrecv}, the default, {@code a=sendonly},
 * {@code a=recvonly}, {@code a=inactive}), as seen by the side that writes them.
 */
public enum Direction {
    SENDRECV(true, true), SENDONLY(true, false), RECVONLY(false, true), INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The attribute name. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The direction named by an attribute, if it is one. */
    static Optional<Direction> of(String attribute) {
        for (Direction d : values()) {
            if (d.token().equals(attribute)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * The answer's direction (RFC 3264 sec 6.1): it sends only what the offerer receives and receives only what the
     * offerer sends, within what the answerer wants.
     */
    public static Direction answerTo(Direction offered, Direction wanted) {
        return from(wanted.sends && offered.receives, wanted.receives && offered.sends);
    }

    private static Direction from(boolean sends, boolean receives) {
        for (Direction d : values()) {
            if (d.sends == sends && d.receives == receives) {
                return d;
            }
        }
        throw new AssertionError("every pair has a direction");
    }
}
