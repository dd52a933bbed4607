package org.opencpm.msrp.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A path: the space-separated MSRP URIs of To-Path, From-Path (RFC 4975 sec 9) and SDP {@code a=path} (sec 8.2),
 * nearest hop first. A To-Path and an {@code a=path} end with the destination endpoint; a From-Path ends with the
 * sender.
 */
public final class MsrpPath {

    /** Most URIs in one path: a few relays (RFC 4976) each way leave room to spare. */
    public static final int MAX_URIS = 32;

    private MsrpPath() {
    }

    /**
     * Parses a path; URIs are separated by one or more spaces.
     *
     * @throws MsrpProtocolException (400) if it is empty, too long, or has a malformed URI
     */
    public static List<MsrpUri> parse(String value) {
        List<MsrpUri> uris = new ArrayList<>();
        for (String part : value.trim().split(" +")) {
            if (part.isEmpty()) {
                break;
            }
            if (uris.size() == MAX_URIS) {
                throw MsrpProtocolException.badRequest("MSRP path has more than " + MAX_URIS + " URIs");
            }
            uris.add(MsrpUri.parse(part));
        }
        if (uris.isEmpty()) {
            throw MsrpProtocolException.badRequest("MSRP path empty");
        }
        return List.copyOf(uris);
    }

    /** The path as written on the wire: the URIs as parsed, one space between them. */
    public static String format(List<MsrpUri> path) {
        Objects.requireNonNull(path, "path");
        return path.stream().map(MsrpUri::toString).collect(Collectors.joining(" "));
    }

    /** Checks a path given by local code: not empty, within {@link #MAX_URIS}; returns an immutable copy. */
    static List<MsrpUri> checked(List<MsrpUri> path, String name) {
        Objects.requireNonNull(path, name);
        if (path.isEmpty() || path.size() > MAX_URIS) {
            throw new IllegalArgumentException(name + " must have 1 to " + MAX_URIS + " URIs");
        }
        return List.copyOf(path);
    }
}
