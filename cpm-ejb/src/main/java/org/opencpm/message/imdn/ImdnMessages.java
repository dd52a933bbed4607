package org.opencpm.message.imdn;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.opencpm.message.cpim.CpimFormatException;
import org.opencpm.message.cpim.CpimHeader;
import org.opencpm.message.cpim.CpimMessage;
import org.opencpm.message.multipart.MultipartFormatException;
import org.opencpm.message.multipart.MultipartMixed;

/** IMDNs in their CPIM envelope (RFC 5438 sec 7.1.1 examples), and the imdn headers of any CPIM message. */
public final class ImdnMessages {

    /** Local names of the RFC 5438 sec 6 headers, used under whatever prefix is bound to the imdn namespace. */
    public static final String MESSAGE_ID = "Message-ID";
    public static final String DISPOSITION_NOTIFICATION = "Disposition-Notification";
    /** RFC 5438 sec 6.4: an intermediary that wants the notifications of a message routed through it. */
    public static final String IMDN_RECORD_ROUTE = "IMDN-Record-Route";
    /** RFC 5438 sec 6.4: the route a notification takes back, copied from the message's IMDN-Record-Route. */
    public static final String IMDN_ROUTE = "IMDN-Route";
    /** Most notifications read out of one aggregate; the CPIM size bound keeps real ones far below. */
    public static final int MAX_AGGREGATED = 1000;

    private static final String CONTENT_TYPE = "Content-Type";
    private static final String CONTENT_DISPOSITION = "Content-Disposition";
    private static final String NOTIFICATION_DISPOSITION = "notification";

    private static final String PREFIX = "imdn";
    private static final int MESSAGE_ID_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ImdnMessages() {
    }

    /**
     * Wraps {@code doc} in CPIM: NS for the imdn prefix, the notification's own new {@code imdn.Message-ID}, its
     * DateTime, {@code Content-Type: message/imdn+xml}, {@code Content-Disposition: notification} and a
     * Content-Length.
     *
     * @throws org.opencpm.message.cpim.CpimFormatException when an address or the date-time is malformed
     */
    public static CpimMessage notificationFor(String fromNameAddr, String toNameAddr, String newMessageId,
            String dateTime, ImdnDocument doc) {
        byte[] xml = doc.toXml();
        return CpimMessage.builder()
                .from(fromNameAddr)
                .to(toNameAddr)
                .namespace(PREFIX, CpimMessage.IMDN_NAMESPACE)
                .header(PREFIX + '.' + MESSAGE_ID, newMessageId)
                .dateTime(dateTime)
                .contentType(ImdnDocument.MEDIA_TYPE)
                .contentHeader("Content-Disposition", "notification")
                .contentHeader("Content-Length", Integer.toString(xml.length))
                .body(xml)
                .build();
    }

    /**
     * An aggregate of notifications (RFC 5438 sec 8.3, errata 3850): the CPIM envelope of {@link #notificationFor}
     * around a {@code multipart/mixed} body whose parts are each a {@code message/imdn+xml} document with
     * {@code Content-Disposition: notification}, written compactly.
     *
     * @param boundary a multipart boundary that occurs in no document, e.g. from {@link #newMessageId()}
     * @throws org.opencpm.message.cpim.CpimFormatException when an address or the date-time is malformed
     */
    public static CpimMessage aggregateFor(String fromNameAddr, String toNameAddr, String newMessageId,
            String dateTime, List<ImdnDocument> docs, String boundary) {
        if (docs.isEmpty()) {
            throw new IllegalArgumentException("an aggregate needs at least one notification");
        }
        List<MultipartMixed.Part> parts = new ArrayList<>(docs.size());
        for (ImdnDocument doc : docs) {
            parts.add(new MultipartMixed.Part(List.of(new String[] {CONTENT_TYPE, ImdnDocument.MEDIA_TYPE},
                    new String[] {CONTENT_DISPOSITION, NOTIFICATION_DISPOSITION}), doc.toCompactXml()));
        }
        byte[] body = MultipartMixed.write(boundary, parts);
        return CpimMessage.builder()
                .from(fromNameAddr)
                .to(toNameAddr)
                .namespace(PREFIX, CpimMessage.IMDN_NAMESPACE)
                .header(PREFIX + '.' + MESSAGE_ID, newMessageId)
                .dateTime(dateTime)
                .contentType(MultipartMixed.contentType(boundary))
                .contentHeader(CONTENT_DISPOSITION, NOTIFICATION_DISPOSITION)
                .contentHeader("Content-Length", Integer.toString(body.length))
                .body(body)
                .build();
    }

    /** Whether the CPIM body is an aggregate of notifications: {@code multipart/mixed}, disposition notification. */
    public static boolean isAggregate(CpimMessage m) {
        return MultipartMixed.MEDIA_TYPE.equals(m.contentMediaType())
                && m.contentDisposition().map(MultipartMixed::bareValue)
                        .filter(NOTIFICATION_DISPOSITION::equals).isPresent();
    }

    /**
     * The notifications of an aggregate, in order; every part must be a {@code message/imdn+xml} document.
     *
     * @throws ImdnFormatException saying in one line what is wrong
     */
    public static List<ImdnDocument> aggregated(CpimMessage m) {
        List<MultipartMixed.Part> parts;
        try {
            parts = MultipartMixed.parse(m.body(), MultipartMixed.boundary(m.contentType()));
        } catch (MultipartFormatException e) {
            throw new ImdnFormatException("aggregated notifications: " + e.getMessage());
        }
        if (parts.isEmpty() || parts.size() > MAX_AGGREGATED) {
            throw new ImdnFormatException("aggregated notifications: between 1 and " + MAX_AGGREGATED
                    + " parts expected");
        }
        List<ImdnDocument> docs = new ArrayList<>(parts.size());
        for (MultipartMixed.Part part : parts) {
            String type;
            try {
                type = part.header(CONTENT_TYPE);
            } catch (MultipartFormatException e) {
                throw new ImdnFormatException("aggregated notifications: " + e.getMessage());
            }
            if (type == null || !MultipartMixed.bareValue(type).equals(ImdnDocument.MEDIA_TYPE)) {
                throw new ImdnFormatException("aggregated notifications: every part must be "
                        + ImdnDocument.MEDIA_TYPE);
            }
            docs.add(ImdnDocument.parse(part.body()));
        }
        return docs;
    }

    /**
     * {@code m} with {@code uri} as its topmost {@code IMDN-Record-Route} (RFC 5438 sec 6.4, 9): the notifications
     * its recipients send come back through {@code uri}. The header goes under the prefix {@code m} binds to the
     * imdn namespace, which a message asking for notifications has.
     *
     * @throws ImdnFormatException when {@code m} binds no prefix to the imdn namespace
     */
    public static CpimMessage withRecordRoute(CpimMessage m, String uri) {
        String prefix = m.prefixOf(CpimMessage.IMDN_NAMESPACE)
                .orElseThrow(() -> new ImdnFormatException("message declares no imdn namespace"));
        String name = CpimMessage.prefixed(prefix, IMDN_RECORD_ROUTE);
        List<CpimHeader> headers = m.headers();
        int top = headers.size();
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).name().equals(name)) {
                top = i;
                break;
            }
        }
        try {
            return m.withHeaderAt(top, name, '<' + uri + '>');
        } catch (CpimFormatException e) {
            throw new ImdnFormatException("IMDN-Record-Route not addable: " + e.getMessage());
        }
    }

    /** The URIs of the message's {@code IMDN-Record-Route} headers, topmost first. */
    public static List<String> recordRoutes(CpimMessage m) {
        return uris(m.extensions(CpimMessage.IMDN_NAMESPACE, IMDN_RECORD_ROUTE));
    }

    /** The URIs of a notification's {@code IMDN-Route} headers, the next hop first. */
    public static List<String> routes(CpimMessage m) {
        return uris(m.extensions(CpimMessage.IMDN_NAMESPACE, IMDN_ROUTE));
    }

    private static List<String> uris(List<String> nameAddrs) {
        List<String> uris = new ArrayList<>(nameAddrs.size());
        for (String value : nameAddrs) {
            int open = value.indexOf('<');
            int close = value.indexOf('>', open + 1);
            if (open < 0 || close < 0) {
                throw new ImdnFormatException("IMDN route header is not <URI>");
            }
            uris.add(value.substring(open + 1, close));
        }
        return uris;
    }

    /** Whether the CPIM body is an IMDN: content type {@code message/imdn+xml}, any case, parameters ignored. */
    public static boolean isNotification(CpimMessage m) {
        return ImdnDocument.MEDIA_TYPE.equals(m.contentMediaType());
    }

    /**
     * A new message id: 128 random bits, base64url without padding (22 characters), well past the 32 bits of
     * randomness RFC 5438 sec 6.3 asks for.
     */
    public static String newMessageId() {
        byte[] bytes = new byte[MESSAGE_ID_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The {@code imdn.Message-ID} of a message, under whatever prefix its sender bound. */
    public static Optional<String> messageId(CpimMessage m) {
        return m.extension(CpimMessage.IMDN_NAMESPACE, MESSAGE_ID);
    }

    /**
     * The notifications a message asks for; {@link DispositionRequest#none()} without the header.
     *
     * @throws ImdnFormatException when the header is there but broken
     */
    public static DispositionRequest dispositionRequest(CpimMessage m) {
        return m.extension(CpimMessage.IMDN_NAMESPACE, DISPOSITION_NOTIFICATION)
                .map(DispositionRequest::parse)
                .orElse(DispositionRequest.none());
    }
}
