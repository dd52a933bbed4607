package org.opencpm.participating;

import java.util.List;
import java.util.Locale;
import org.opencpm.message.cpim.CpimFormatException;
import org.opencpm.message.cpim.CpimMessage;
import org.opencpm.message.imdn.DispositionRequest;
import org.opencpm.message.imdn.ImdnDocument;
import org.opencpm.message.imdn.ImdnFormatException;
import org.opencpm.message.imdn.ImdnMessages;

/**
 * Checks and reads the body of a pager-mode standalone message before anything is delivered or stored, so that a
 * malformed message is refused whole (400/415) and never half-handled.
 */
public final class PayloadInspector {

    /** SIP body types the PF takes in pager mode. */
    public static final List<String> ACCEPTED = List.of(CpimMessage.MEDIA_TYPE, "text/plain",
            "application/im-iscomposing+xml");

    private static final String IS_COMPOSING = "application/im-iscomposing+xml";

    private PayloadInspector() {
    }

    public static Payload inspect(String sipContentType, byte[] body) {
        if (sipContentType == null || body == null || body.length == 0) {
            throw new BadMessageException(400, "MESSAGE without a body"); // RFC 3428 section 4
        }
        String type = baseType(sipContentType);
        if (!ACCEPTED.contains(type)) {
            throw new BadMessageException(415, type + " is not accepted");
        }
        if (!type.equals(CpimMessage.MEDIA_TYPE)) {
            return Payload.bare(type, type.equals(IS_COMPOSING));
        }
        CpimMessage cpim;
        try {
            cpim = CpimMessage.parse(body);
        } catch (CpimFormatException e) {
            throw new BadMessageException(400, e.getMessage());
        }
        String imdnId = cpim.extension(CpimMessage.IMDN_NAMESPACE, "Message-ID").orElse(null);
        DispositionRequest disposition = DispositionRequest.none();
        var requested = cpim.extension(CpimMessage.IMDN_NAMESPACE, "Disposition-Notification");
        if (requested.isPresent()) {
            try {
                disposition = DispositionRequest.parse(requested.get());
            } catch (ImdnFormatException e) {
                throw new BadMessageException(400, e.getMessage());
            }
            // RFC 5438 section 6.3: a request needs the message's identity and date to be answerable.
            if (imdnId == null) {
                throw new BadMessageException(400, "imdn.Disposition-Notification without imdn.Message-ID");
            }
            if (cpim.dateTime().isEmpty()) {
                throw new BadMessageException(400, "imdn.Disposition-Notification without DateTime");
            }
        }
        List<ImdnDocument> notifications;
        try {
            // RFC 5438 sec 6.4: a route that cannot be read would send notifications nowhere.
            ImdnMessages.recordRoutes(cpim);
            ImdnMessages.routes(cpim);
            if (ImdnMessages.isNotification(cpim)) {
                notifications = List.of(ImdnDocument.parse(cpim.body()));
            } else if (ImdnMessages.isAggregate(cpim)) {
                notifications = ImdnMessages.aggregated(cpim);
            } else {
                notifications = List.of();
            }
        } catch (ImdnFormatException e) {
            throw new BadMessageException(400, e.getMessage());
        }
        String payloadType = baseType(cpim.contentType());
        return new Payload(cpim, payloadType, notifications, imdnId, disposition, cpim.dateTime().orElse(null),
                cpim.subject().orElse(null), payloadType.equals(IS_COMPOSING));
    }

    static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
