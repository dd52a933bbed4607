package org.opencpm.it;

import java.nio.charset.StandardCharsets;

/** CPIM bodies as a CPM client writes them (RFC 3862, RFC 5438 section 7.1.1 layout). */
final class CpimBodies {

    private CpimBodies() {
    }

    /** A text message; with {@code notifications} (e.g. "positive-delivery") it asks for disposition notifications. */
    static byte[] text(String from, String to, String messageId, String notifications, String text) {
        StringBuilder b = new StringBuilder()
                .append("From: <sip:").append(from).append("@opencpm.test>\r\n")
                .append("To: <sip:").append(to).append("@opencpm.test>\r\n")
                .append("DateTime: 2026-11-21T12:00:00Z\r\n")
                .append("NS: imdn <urn:ietf:params:imdn>\r\n")
                .append("imdn.Message-ID: ").append(messageId).append("\r\n");
        if (notifications != null) {
            b.append("imdn.Disposition-Notification: ").append(notifications).append("\r\n");
        }
        b.append("\r\nContent-Type: text/plain;charset=UTF-8\r\n\r\n").append(text);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The delivery notification a client of {@code from} sends about message {@code messageId} to {@code to}. */
    static byte[] delivered(String from, String to, String notificationId, String messageId) {
        return delivered(from, to, notificationId, messageId, null);
    }

    /**
     * The same, for a message that carried {@code imdn.IMDN-Record-Route: <route>} (RFC 5438 sec 6.4): the
     * notification names the route in {@code imdn.IMDN-Route} and is sent to it.
     */
    static byte[] delivered(String from, String to, String notificationId, String messageId, String route) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
                + "<imdn xmlns=\"urn:ietf:params:xml:ns:imdn\">\r\n"
                + "<message-id>" + messageId + "</message-id>\r\n"
                + "<datetime>2026-11-21T12:00:00Z</datetime>\r\n"
                + "<recipient-uri>sip:" + from + "@opencpm.test</recipient-uri>\r\n"
                + "<delivery-notification><status><delivered/></status></delivery-notification>\r\n"
                + "</imdn>";
        return ("From: <sip:" + from + "@opencpm.test>\r\n"
                + "To: <sip:" + to + "@opencpm.test>\r\n"
                + "NS: imdn <urn:ietf:params:imdn>\r\n"
                + "imdn.Message-ID: " + notificationId + "\r\n"
                + (route == null ? "" : "imdn.IMDN-Route: <" + route + ">\r\n")
                + "DateTime: 2026-11-21T12:00:05Z\r\n"
                + "\r\n"
                + "Content-Type: message/imdn+xml\r\n"
                + "Content-Disposition: notification\r\n"
                + "\r\n" + xml).getBytes(StandardCharsets.UTF_8);
    }

    /** The URI of the first {@code imdn.IMDN-Record-Route} of a CPIM body, or null. */
    static String recordRoute(byte[] cpim) {
        for (String line : new String(cpim, StandardCharsets.UTF_8).split("\r\n")) {
            if (line.isEmpty()) {
                return null; // end of the message headers
            }
            if (line.startsWith("imdn.IMDN-Record-Route:")) {
                return line.substring(line.indexOf('<') + 1, line.indexOf('>'));
            }
        }
        return null;
    }
}
