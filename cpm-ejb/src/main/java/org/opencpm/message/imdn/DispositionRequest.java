package org.opencpm.message.imdn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The notifications a sender asks for in {@code imdn.Disposition-Notification} (RFC 5438 sec 6.2), e.g.
 * {@code positive-delivery, display}. Tokens match case-insensitively; tokens this version does not know and any
 * {@code ;param} after a token are ignored, as the RFC lets the header grow.
 */
public final class DispositionRequest {

    private static final String POSITIVE_DELIVERY = "positive-delivery";
    private static final String NEGATIVE_DELIVERY = "negative-delivery";
    private static final String DISPLAY = "display";
    private static final String PROCESSING = "processing";
    private static final DispositionRequest NONE = new DispositionRequest(false, false, false, false);

    private final boolean positiveDelivery;
    private final boolean negativeDelivery;
    private final boolean display;
    private final boolean processing;

    private DispositionRequest(boolean positiveDelivery, boolean negativeDelivery, boolean display,
            boolean processing) {
        this.positiveDelivery = positiveDelivery;
        this.negativeDelivery = negativeDelivery;
        this.display = display;
        this.processing = processing;
    }

    /** No notification asked for: what a message without the header means. */
    public static DispositionRequest none() {
        return NONE;
    }

    public static DispositionRequest of(boolean positiveDelivery, boolean negativeDelivery, boolean display,
            boolean processing) {
        return new DispositionRequest(positiveDelivery, negativeDelivery, display, processing);
    }

    /**
     * Parses the header value.
     *
     * @throws ImdnFormatException when the value is empty or not a comma-separated list of tokens
     */
    public static DispositionRequest parse(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new ImdnFormatException("IMDN Disposition-Notification is empty");
        }
        boolean positiveDelivery = false;
        boolean negativeDelivery = false;
        boolean display = false;
        boolean processing = false;
        for (String token : new Tokens(value).list()) {
            switch (token.toLowerCase(Locale.ROOT)) {
                case POSITIVE_DELIVERY -> positiveDelivery = true;
                case NEGATIVE_DELIVERY -> negativeDelivery = true;
                case DISPLAY -> display = true;
                case PROCESSING -> processing = true;
                default -> {
                    // an extension token (RFC 5438 sec 6.2); not ours to act on
                }
            }
        }
        return new DispositionRequest(positiveDelivery, negativeDelivery, display, processing);
    }

    public boolean positiveDelivery() {
        return positiveDelivery;
    }

    public boolean negativeDelivery() {
        return negativeDelivery;
    }

    public boolean display() {
        return display;
    }

    public boolean processing() {
        return processing;
    }

    /** Whether any notification is asked for. */
    public boolean any() {
        return positiveDelivery || negativeDelivery || display || processing;
    }

    /**
     * The header value, tokens comma-separated in a fixed order; empty for {@link #none()}, when the header is
     * left out altogether.
     */
    public String toHeaderValue() {
        List<String> tokens = new ArrayList<>(4);
        if (positiveDelivery) {
            tokens.add(POSITIVE_DELIVERY);
        }
        if (negativeDelivery) {
            tokens.add(NEGATIVE_DELIVERY);
        }
        if (processing) {
            tokens.add(PROCESSING);
        }
        if (display) {
            tokens.add(DISPLAY);
        }
        return String.join(", ", tokens);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DispositionRequest that && positiveDelivery == that.positiveDelivery
                && negativeDelivery == that.negativeDelivery && display == that.display
                && processing == that.processing;
    }

    @Override
    public int hashCode() {
        return Objects.hash(positiveDelivery, negativeDelivery, display, processing);
    }

    @Override
    public String toString() {
        return "DispositionRequest[" + toHeaderValue() + ']';
    }

    /**
     * The notify-req list of RFC 5438 sec 6.2: {@code token *( ";" generic-param )} separated by commas, with
     * optional whitespace around the separators; generic-param as in RFC 3261 sec 25.1.
     */
    private static final class Tokens {

        // RFC 3261 sec 25.1 token characters besides alphanumerics
        private static final String TOKEN_MARKS = "-.!%*_+`'~";

        private final String s;
        private int i;

        Tokens(String s) {
            this.s = s;
        }

        List<String> list() {
            List<String> tokens = new ArrayList<>();
            while (true) {
                skipWhitespace();
                tokens.add(token());
                skipWhitespace();
                while (i < s.length() && s.charAt(i) == ';') {
                    i++;
                    parameter();
                }
                if (i == s.length()) {
                    return tokens;
                }
                if (s.charAt(i) != ',') {
                    throw malformed();
                }
                i++;
            }
        }

        // generic-param = token [ EQUAL gen-value ], gen-value = token / host / quoted-string
        private void parameter() {
            skipWhitespace();
            token();
            skipWhitespace();
            if (i < s.length() && s.charAt(i) == '=') {
                i++;
                skipWhitespace();
                if (i < s.length() && s.charAt(i) == '"') {
                    quotedString();
                } else {
                    int start = i;
                    while (i < s.length() && (isTokenChar(s.charAt(i)) || ":[]".indexOf(s.charAt(i)) >= 0)) {
                        i++;
                    }
                    if (i == start) {
                        throw malformed();
                    }
                }
                skipWhitespace();
            }
        }

        private String token() {
            int start = i;
            while (i < s.length() && isTokenChar(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw malformed();
            }
            return s.substring(start, i);
        }

        private void quotedString() {
            for (i++; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    i++;
                    return;
                }
            }
            throw malformed();
        }

        private void skipWhitespace() {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
        }

        private static boolean isTokenChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || TOKEN_MARKS.indexOf(c) >= 0;
        }

        private static ImdnFormatException malformed() {
            return new ImdnFormatException("IMDN Disposition-Notification malformed");
        }
    }
}
