package org.opencpm.sipservlets.participating;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sip.address.SipURI;
import org.opencpm.participating.BadMessageException;
import org.opencpm.participating.Payload;
import org.opencpm.participating.PayloadInspector;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;

/** Turns an incoming pager-mode MESSAGE into the {@link StandaloneMessage} the PF handles, or refuses it. */
public final class MessageReader {

    /** Longest end-to-end header line kept; a bound on what one message may make the PF store. */
    private static final int MAX_HEADER_LINE = 1024;
    private static final int MAX_HEADERS = 40;

    private MessageReader() {
    }

    /**
     * @param senderIdentity the authenticated sender's canonical address
     * @throws BadMessageException when the body or the headers are unacceptable
     */
    public static StandaloneMessage read(SipServletRequest request, String recipient, String recipientAddress,
                                         String senderIdentity) {
        return read(request, request.getContentType(), request.getRawContent(), recipient, recipientAddress,
                senderIdentity);
    }

    /**
     * As {@link #read(SipServletRequest, String, String, String)}, for a message that is one part of the request's
     * body (RFC 5365).
     */
    public static StandaloneMessage read(SipServletRequest request, String contentType, byte[] body,
                                         String recipient, String recipientAddress, String senderIdentity) {
        Payload payload = PayloadInspector.inspect(contentType, body);
        boolean anonymous = isAnonymous(request);
        if (anonymous && payload.disposition().any()) {
            // OMA CPM SD 5.2.6 note: notifications cannot be asked for anonymously.
            throw new BadMessageException(400, "disposition notifications requested by an anonymous sender");
        }
        String replyTo = request.getHeader("Reply-To");
        if (replyTo != null && !replyTo.contains("sip:") && !replyTo.contains("sips:") && !replyTo.contains("tel:")) {
            throw new BadMessageException(400, "Reply-To is not a SIP or tel address");
        }
        return new StandaloneMessage(recipient, recipientAddress, request.getFrom().toString(),
                anonymous ? null : senderIdentity, anonymous, senderIdentity, endToEndHeaders(request),
                contentType, body, payload);
    }

    /** Answers a message refused for its body or headers: the status and reason, with Accept for a 415. */
    public static void refuse(SipServletRequest request, BadMessageException e, List<String> accepted) {
        SipServletResponse bad = request.createResponse(e.status(), e.reasonPhrase());
        if (e.status() == 415) {
            accepted.forEach(type -> bad.addHeader("Accept", type)); // RFC 3261 21.4.13
        }
        bad.send();
    }

    /** The option tags of the request's Require headers (RFC 3261 20.32), lower case, in order. */
    public static List<String> requiredOptionTags(SipServletRequest request) {
        List<String> tags = new ArrayList<>();
        for (String value : request.getHeaders("Require")) {
            for (String tag : value.split(",")) {
                String t = tag.trim().toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) {
                    tags.add(t);
                }
            }
        }
        return tags;
    }

    /** The canonical {@code sip:user@host} of a From URI, to compare with an authenticated address. */
    static String canonical(javax.sip.address.URI uri) {
        if (uri instanceof SipURI sip && sip.getUser() != null) {
            return "sip:" + sip.getUser() + "@" + sip.getHost().toLowerCase(Locale.ROOT);
        }
        return uri.toString();
    }

    /** RFC 3323: an anonymous From, or Privacy asking to hide the identity. */
    public static boolean isAnonymous(SipServletRequest request) {
        if (request.getFrom().getURI() instanceof SipURI from && from.getHost() != null
                && from.getHost().equalsIgnoreCase("anonymous.invalid")) {
            return true;
        }
        for (String privacy : request.getHeaders("Privacy")) {
            for (String value : privacy.toLowerCase(Locale.ROOT).split("[;,]")) {
                if (value.trim().equals("id") || value.trim().equals("user")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The headers of the request that travel end to end (see {@link DeliveryRequests#endToEnd}). */
    public static List<String> endToEndHeaders(SipServletRequest request) {
        List<String> lines = new ArrayList<>();
        for (String name : request.getHeaderNames()) {
            if (!DeliveryRequests.endToEnd(name)) {
                continue;
            }
            for (String value : request.getHeaders(name)) {
                String line = name + ": " + value;
                if (line.length() > MAX_HEADER_LINE || lines.size() >= MAX_HEADERS) {
                    throw new BadMessageException(400, "too many or too long end-to-end headers");
                }
                lines.add(line);
            }
        }
        return lines;
    }
}
