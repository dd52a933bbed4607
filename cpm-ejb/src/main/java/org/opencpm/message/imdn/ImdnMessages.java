package org.opencpm.message.imdn;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.opencpm.message.cpim.CpimMessage;

/** IMDNs in their CPIM envelope (RFC 5438 sec 7.1.1 examples), and the imdn headers of any CPIM message. */
public final class ImdnMessages {

    /** Local names of the RFC 5438 sec 6 headers, used under whatever prefix is bound to the imdn namespace. */
    public static final String MESSAGE_ID = "Message-ID";
    public static final String DISPOSITION_NOTIFICATION = "Disposition-Notification";

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
