package org.opencpm.msrp.sdp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An SDP body (RFC 4566) as exchanged in INVITE and 200 for MSRP sessions: {@code v=0}, origin, session name,
 * an optional session-level connection, timing, session-level direction and attributes, then media descriptions,
 * MSRP ones typed and the others kept as written. Lines this codec has no use for ({@code i=}, {@code b=},
 * {@code k=}, ...) are read past and not written back.
 */
public final class SessionDescription {

    /** Largest body read: a few streams with long paths and file attributes fit many times over. */
    public static final int MAX_SIZE = 64 * 1024;
    public static final int MAX_LINES = 512;
    public static final int MAX_MEDIA = 16;

    private final SdpOrigin origin;
    private final String sessionName;
    private final SdpConnection connection;
    private final String timing;
    private final Direction direction;
    private final List<SdpAttribute> attributes;
    private final List<SdpMedia> media;

    /**
     * @param connection the session-level c= line, or null
     * @param timing the t= line, {@code 0 0} for a session without bounds
     * @param direction the session-level direction, or null
     */
    public SessionDescription(SdpOrigin origin, String sessionName, SdpConnection connection, String timing,
            Direction direction, List<SdpAttribute> attributes, List<SdpMedia> media) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.sessionName = Objects.requireNonNull(sessionName, "sessionName");
        this.connection = connection;
        this.timing = Objects.requireNonNull(timing, "timing");
        this.direction = direction;
        this.attributes = List.copyOf(attributes);
        this.media = List.copyOf(media);
        // RFC 4566 sec 5.3: s= holds at least one character.
        if (sessionName.isEmpty()) {
            throw new SdpFormatException("SDP s= line malformed");
        }
        Sdp.checkText("s=", sessionName);
        if (!timing.matches("[0-9]{1,20} [0-9]{1,20}")) {
            throw new SdpFormatException("SDP t= line malformed");
        }
        if (this.media.size() > MAX_MEDIA) {
            throw new SdpFormatException("SDP has more than " + MAX_MEDIA + " media");
        }
        if (this.attributes.stream().anyMatch(a -> Direction.of(a.name()).isPresent())) {
            throw new IllegalArgumentException("the session direction has a parameter of its own");
        }
    }

    /** A session of unbounded time named {@code -}, as offers and answers for MSRP are. */
    public static SessionDescription of(SdpOrigin origin, SdpConnection connection, List<SdpMedia> media) {
        return new SessionDescription(origin, "-", connection, "0 0", null, List.of(), media);
    }

    /**
     * Parses an SDP body; lines end in CRLF or, leniently, LF.
     *
     * @throws SdpFormatException saying in one line what is wrong
     */
    public static SessionDescription parse(String body) {
        return SdpParser.parse(Objects.requireNonNull(body, "body"));
    }

    /** Parses an SDP body in UTF-8 (RFC 4566 sec 5: the default charset of text fields). */
    public static SessionDescription parse(byte[] body) {
        if (body.length > MAX_SIZE) {
            throw new SdpFormatException("SDP body too large");
        }
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    public SdpOrigin origin() {
        return origin;
    }

    public String sessionName() {
        return sessionName;
    }

    /** The session-level c= line. */
    public Optional<SdpConnection> connection() {
        return Optional.ofNullable(connection);
    }

    public String timing() {
        return timing;
    }

    /** The session-level direction as written. */
    public Optional<Direction> direction() {
        return Optional.ofNullable(direction);
    }

    /** The effective direction of a stream (RFC 4566 sec 6): its own, else the session's, else sendrecv. */
    public Direction direction(SdpMedia m) {
        Optional<Direction> own = m instanceof MsrpMedia ? ((MsrpMedia) m).direction() : Optional.empty();
        return own.orElse(direction == null ? Direction.SENDRECV : direction);
    }

    /** The session-level attributes other than the direction, in order. */
    public List<SdpAttribute> attributes() {
        return attributes;
    }

    public List<SdpMedia> media() {
        return media;
    }

    /** The MSRP streams, in order. */
    public List<MsrpMedia> msrpMedia() {
        return media.stream().filter(MsrpMedia.class::isInstance).map(MsrpMedia.class::cast).toList();
    }

    /** The body with CRLF line ends. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(512);
        line(b, "v=0");
        line(b, "o=" + origin);
        line(b, "s=" + sessionName);
        if (connection != null) {
            line(b, "c=" + connection);
        }
        line(b, "t=" + timing);
        if (direction != null) {
            line(b, "a=" + direction.token());
        }
        attributes.forEach(a -> line(b, "a=" + a));
        media.forEach(m -> m.lines().forEach(l -> line(b, l)));
        return b.toString();
    }

    /** The body in UTF-8, ready for a SIP message. */
    public byte[] toBytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder b, String line) {
        b.append(line).append("\r\n");
    }
}
