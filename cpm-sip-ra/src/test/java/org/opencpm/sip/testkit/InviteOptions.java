package org.opencpm.sip.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@link SipTestAgent#invite(String, InviteOptions)} sends: body, extra headers (repeatable), ACK policy. */
public final class InviteOptions {

    private String contentType;
    private byte[] body;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private boolean autoAck = true;

    private InviteOptions() {
    }

    public static InviteOptions create() {
        return new InviteOptions();
    }

    public InviteOptions body(String contentType, byte[] body) {
        this.contentType = contentType;
        this.body = body;
        return this;
    }

    public InviteOptions body(String contentType, String body) {
        return body(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a header field; call it again with the same name for a second field (e.g. two Accept-Contact). */
    public InviteOptions header(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    public InviteOptions headers(Map<String, List<String>> more) {
        more.forEach((name, values) -> values.forEach(v -> header(name, v)));
        return this;
    }

    /**
     * Whether a 2xx is acknowledged as soon as it arrives (the default). With {@code false} the test sends the ACK
     * itself with {@link SipCall#ack()}, when it likes.
     */
    public InviteOptions autoAck(boolean autoAck) {
        this.autoAck = autoAck;
        return this;
    }

    String contentType() {
        return contentType;
    }

    byte[] body() {
        return body;
    }

    Map<String, List<String>> headers() {
        return headers;
    }

    boolean autoAck() {
        return autoAck;
    }
}
