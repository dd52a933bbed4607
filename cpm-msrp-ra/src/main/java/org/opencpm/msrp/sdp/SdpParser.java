package org.opencpm.msrp.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencpm.msrp.codec.MsrpPath;
import org.opencpm.msrp.codec.MsrpProtocolException;

/** Reads an SDP body line by line (RFC 4566 sec 5), typing the MSRP media descriptions (RFC 4975 sec 8). */
final class SdpParser {

    private final List<String> lines;
    private int next;

    private SdpParser(List<String> lines) {
        this.lines = lines;
    }

    static SessionDescription parse(String body) {
        if (body.length() > SessionDescription.MAX_SIZE) {
            throw new SdpFormatException("SDP body too large");
        }
        String[] split = body.split("\r?\n", -1);
        int count = split.length;
        // The last line ends like the others, so the split leaves one empty string after it.
        if (count > 0 && split[count - 1].isEmpty()) {
            count--;
        }
        if (count > SessionDescription.MAX_LINES) {
            throw new SdpFormatException("SDP has more than " + SessionDescription.MAX_LINES + " lines");
        }
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String line = split[i];
            if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                throw new SdpFormatException("SDP line malformed");
            }
            lines.add(line);
        }
        return new SdpParser(lines).session();
    }

    private SessionDescription session() {
        if (lines.isEmpty() || !lines.get(0).equals("v=0")) {
            throw new SdpFormatException("SDP does not start with v=0");
        }
        next = 1;
        SdpOrigin origin = null;
        String name = null;
        SdpConnection connection = null;
        String timing = null;
        Direction direction = null;
        List<SdpAttribute> attributes = new ArrayList<>();
        while (next < lines.size() && type() != 'm') {
            String value = value();
            switch (type()) {
                case 'o' -> origin = once(origin, SdpOrigin.parse(value), "o=");
                case 's' -> name = once(name, value, "s=");
                case 'c' -> connection = once(connection, SdpConnection.parse(value), "c=");
                // Repeat times (r=) and further t= lines would only matter for a scheduled session.
                case 't' -> timing = timing == null ? value : timing;
                case 'a' -> {
                    SdpAttribute a = SdpAttribute.parse(value);
                    Optional<Direction> d = direction(a);
                    if (d.isPresent()) {
                        direction = once(direction, d.get(), "direction");
                    } else {
                        attributes.add(a);
                    }
                }
                default -> { }
            }
            next++;
        }
        if (origin == null || name == null || timing == null) {
            throw new SdpFormatException("SDP without " + (origin == null ? "o=" : name == null ? "s=" : "t=")
                    + " line");
        }
        List<SdpMedia> media = new ArrayList<>();
        while (next < lines.size()) {
            media.add(media());
        }
        return new SessionDescription(origin, name, connection, timing, direction, attributes, media);
    }

    /** One media description, from its m= line up to the next one. */
    private SdpMedia media() {
        String mLine = value();
        String[] m = mLine.split(" ", -1);
        if (m.length < 4) {
            throw new SdpFormatException("SDP m= line malformed");
        }
        next++;
        int end = next;
        while (end < lines.size() && lines.get(end).charAt(0) != 'm') {
            end++;
        }
        List<String> body = lines.subList(next, end);
        next = end;
        Optional<MsrpTransport> transport = MsrpTransport.of(m[2]);
        if (!m[0].equals(MsrpMedia.MEDIA) || transport.isEmpty()) {
            return new OtherMedia(m[0], m[1], mLine.substring(m[0].length() + m[1].length() + 2), body);
        }
        if (!m[1].matches("[0-9]{1,5}")) {
            throw new SdpFormatException("SDP m= line malformed");
        }
        MsrpMedia.Builder b = MsrpMedia.builder().port(Integer.parseInt(m[1])).transport(transport.get())
                .formats(List.of(m).subList(3, m.length));
        msrpLines(b, body);
        return b.build();
    }

    private static void msrpLines(MsrpMedia.Builder b, List<String> body) {
        Set<String> seen = new HashSet<>();
        for (String line : body) {
            String value = line.substring(2);
            if (line.charAt(0) == 'c') {
                once(seen, "c=");
                b.connection(SdpConnection.parse(value));
                continue;
            }
            if (line.charAt(0) != 'a') {
                continue;
            }
            SdpAttribute a = SdpAttribute.parse(value);
            Optional<Direction> direction = direction(a);
            if (direction.isPresent()) {
                once(seen, "direction");
                b.direction(direction.get());
                continue;
            }
            if (!MsrpMedia.TYPED.contains(a.name())) {
                b.attribute(a);
                continue;
            }
            once(seen, "a=" + a.name());
            if (a.value() == null) {
                throw new SdpFormatException("SDP a=" + a.name() + " malformed");
            }
            typed(b, a);
        }
    }

    private static void typed(MsrpMedia.Builder b, SdpAttribute a) {
        String value = a.value();
        switch (a.name()) {
            case "path" -> {
                try {
                    b.path(MsrpPath.parse(value));
                } catch (MsrpProtocolException e) {
                    throw new SdpFormatException("SDP a=path: " + e.getMessage());
                }
            }
            case "accept-types" -> b.acceptTypes(AcceptTypes.parse(a.name(), value));
            case "accept-wrapped-types" -> b.acceptWrappedTypes(AcceptTypes.parse(a.name(), value));
            case "max-size" -> {
                if (!value.matches("[0-9]{1,18}")) {
                    throw new SdpFormatException("SDP a=max-size malformed");
                }
                b.maxSize(Long.parseLong(value));
            }
            case "setup" -> b.setup(Setup.parse(value));
            default -> b.tcpConnection(TcpConnection.parse(value));
        }
    }

    /** The direction an attribute names (RFC 4566 sec 6: a property, never with a value). */
    private static Optional<Direction> direction(SdpAttribute a) {
        Optional<Direction> d = Direction.of(a.name());
        if (d.isPresent() && a.value() != null) {
            throw new SdpFormatException("SDP a=" + a.name() + " malformed");
        }
        return d;
    }

    private char type() {
        return lines.get(next).charAt(0);
    }

    private String value() {
        return lines.get(next).substring(2);
    }

    private static <T> T once(T held, T value, String what) {
        if (held != null) {
            throw new SdpFormatException("SDP session has more than one " + what);
        }
        return value;
    }

    private static void once(Set<String> seen, String what) {
        if (!seen.add(what)) {
            throw new SdpFormatException("SDP media has more than one " + what);
        }
    }
}
