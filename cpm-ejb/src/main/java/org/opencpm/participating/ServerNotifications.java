package org.opencpm.participating;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.opencpm.message.cpim.CpimMessage;
import org.opencpm.message.imdn.DeliveryStatus;
import org.opencpm.message.imdn.DispositionRequest;
import org.opencpm.message.imdn.ImdnDocument;
import org.opencpm.message.imdn.ImdnMessages;

/**
 * Delivery notifications the terminating PF itself generates (OMA CPM SD 5.2.6.1): positive when it delivered a
 * message to the Message Storage Server, negative when it could not deliver one. They go to the sender's address
 * as a standalone message on behalf of the recipient (RFC 5438 section 7.1.1 layout).
 */
public final class ServerNotifications {

    private ServerNotifications() {
    }

    /**
     * The notification for {@code original} with {@code status} to its sender, if the sender asked for that kind and
     * can be told (an anonymous sender cannot, 5.2.6); {@code senderUser} is the sender's user name in the home domain.
     */
    public static Optional<StandaloneMessage> delivery(StandaloneMessage original, DeliveryStatus status,
                                                       String senderUser, Instant now) {
        Payload p = original.payload();
        DispositionRequest asked = p.disposition();
        boolean wanted = status == DeliveryStatus.DELIVERED ? asked.positiveDelivery() : asked.negativeDelivery();
        if (!wanted || original.senderIdentity() == null || p.imdnMessageId() == null || senderUser == null) {
            return Optional.empty();
        }
        String recipient = original.recipientAddress();
        ImdnDocument doc = ImdnDocument.delivery(p.imdnMessageId(), p.dateTime(), recipient, recipient, status);
        String dateTime = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                now.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        CpimMessage cpim = ImdnMessages.notificationFor("<" + recipient + ">", "<" + original.senderIdentity() + ">",
                ImdnMessages.newMessageId(), dateTime, doc);
        byte[] body = cpim.toBytes();
        Payload payload = PayloadInspector.inspect(CpimMessage.MEDIA_TYPE, body);
        List<String> headers = original.headerLines().stream()
                .filter(h -> h.regionMatches(true, 0, "Conversation-ID:", 0, 16))
                .toList();
        return Optional.of(new StandaloneMessage(senderUser, original.senderIdentity(), "<" + recipient + ">",
                recipient, false, null, headers, CpimMessage.MEDIA_TYPE, body, payload));
    }
}
