package org.opencpm.messagestore.folders;

import java.util.Locale;

/**
 * An authenticated identity as the message store keeps it: one spelling per party, so that all of a 1-1
 * conversation lands in one folder (OMA CPM SD 5.2.1.2) whether the identity came in a P-Asserted-Identity, a
 * Referred-By or a 200 OK, with or without a display name and parameters.
 * <p>
 * {@code "Bob" <sip:Bob@Example.COM;user=phone>} becomes {@code sip:Bob@example.com}: the name-addr's URI only,
 * scheme and host lower-case, URI parameters and headers dropped, the user part as it is (SIP compares it
 * case-sensitively, RFC 3261 19.1.4). {@code tel:+1-555-0100;phone-context=x} becomes {@code tel:+15550100}
 * (RFC 3966 visual separators and parameters dropped). Other schemes keep all but their scheme's case.
 */
public final class Identities {

    private Identities() {
    }

    /**
     * @throws IllegalArgumentException for null or blank, or a URI without a scheme
     */
    public static String canonical(String identity) {
        if (identity == null || identity.isBlank()) {
            throw new IllegalArgumentException("an identity is required");
        }
        String uri = identity.strip();
        int open = uri.lastIndexOf('<');
        int close = uri.lastIndexOf('>');
        if (open >= 0 && close > open) {
            uri = uri.substring(open + 1, close).strip();
        }
        int colon = uri.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("an identity is a URI with a scheme");
        }
        String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = uri.substring(colon + 1);
        return switch (scheme) {
            case "sip", "sips" -> scheme + ':' + sip(rest);
            case "tel" -> scheme + ':' + tel(rest);
            default -> scheme + ':' + rest;
        };
    }

    /** {@code user@host} with the host lower-case; parameters and headers (after the host) dropped. */
    private static String sip(String rest) {
        int at = rest.indexOf('@');
        String user = at < 0 ? "" : rest.substring(0, at + 1);
        String host = at < 0 ? rest : rest.substring(at + 1);
        int end = host.length();
        for (int i = 0; i < host.length(); i++) {
            if (host.charAt(i) == ';' || host.charAt(i) == '?') {
                end = i;
                break;
            }
        }
        return user + host.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** The number without visual separators ({@code - . ( )}) and without parameters. */
    private static String tel(String rest) {
        int semicolon = rest.indexOf(';');
        String number = semicolon < 0 ? rest : rest.substring(0, semicolon);
        StringBuilder b = new StringBuilder(number.length());
        for (char c : number.toCharArray()) {
            if ("-.() ".indexOf(c) < 0) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
