package org.opencpm.msrp.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A media description that is not MSRP (audio, video, BFCP, ...), kept as its lines so that an answer can decline
 * it with port 0 in its place (RFC 3264 sec 6).
 *
 * @param media the media type of the m= line
 * @param portField the port as written, with a {@code /count} if any
 * @param rest the m= line after the port: protocol and formats
 * @param attributeLines the lines after the m= line
 */
public record OtherMedia(String media, String portField, String rest, List<String> attributeLines)
        implements SdpMedia {

    public OtherMedia {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(rest, "rest");
        if (!portField.matches("[0-9]{1,5}(/[0-9]{1,5})?") || port(portField) > 65535) {
            throw new SdpFormatException("SDP m= line malformed");
        }
        attributeLines = List.copyOf(attributeLines);
    }

    @Override
    public int port() {
        return port(portField);
    }

    /** This media line with port 0 and nothing else: how an answer declines it. */
    public OtherMedia declined() {
        return new OtherMedia(media, "0", rest, List.of());
    }

    @Override
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("m=" + media + ' ' + portField + ' ' + rest);
        lines.addAll(attributeLines);
        return lines;
    }

    private static int port(String field) {
        int slash = field.indexOf('/');
        return Integer.parseInt(slash < 0 ? field : field.substring(0, slash));
    }
}
