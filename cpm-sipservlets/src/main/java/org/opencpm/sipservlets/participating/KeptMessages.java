package org.opencpm.sipservlets.participating;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.opencpm.msrp.api.IncomingMessage;
import org.opencpm.msrp.api.MessageRefusedException;
import org.opencpm.msrp.chunk.ChunkSink;
import org.opencpm.msrp.chunk.MemorySink;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.sdp.AnswerPolicy;
import org.opencpm.msrp.sdp.Direction;
import org.opencpm.msrp.sdp.MsrpMedia;
import org.opencpm.msrp.sdp.Setup;

/**
 * The messages of a chat or a large message received for a user (SD 5.2.2.1.5, 5.2.3.10): each whole in memory,
 * up to the size the provider takes for one (the announced {@code a=max-size}), then handed on.
 */
final class KeptMessages implements OnBehalfEndpoint.Keeping {

    /** What a chat or large message may be wrapped in (RFC 3862) or be; isComposing is dropped (RFC 3994). */
    private static final List<String> ACCEPTED = List.of("message/cpim", "text/plain", "message/imdn+xml",
            "application/im-iscomposing+xml");

    private final int maxMessageBytes;
    private final BiConsumer<String, byte[]> keep;
    private final Map<String, MemorySink> inProgress = new ConcurrentHashMap<>();

    /** @param keep takes each message received whole: its content type and bytes */
    KeptMessages(int maxMessageBytes, BiConsumer<String, byte[]> keep) {
        this.maxMessageBytes = maxMessageBytes;
        this.keep = keep;
    }

    @Override
    public AnswerPolicy answerPolicy(MsrpMedia offered) {
        return new AnswerPolicy(ACCEPTED, List.of("*"), maxMessageBytes, Setup.PASSIVE, Direction.RECVONLY,
                List.of());
    }

    @Override
    public ChunkSink open(IncomingMessage message) throws MessageRefusedException {
        String type = message.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!ACCEPTED.contains(type)) {
            throw new MessageRefusedException(MsrpStatus.UNSUPPORTED_MEDIA_TYPE, type + " is not kept");
        }
        long size = message.declaredSize().orElse(maxMessageBytes);
        if (size > maxMessageBytes) {
            throw new MessageRefusedException(MsrpStatus.MESSAGE_TOO_LARGE, "over " + maxMessageBytes + " bytes");
        }
        MemorySink sink = new MemorySink((int) size);
        inProgress.put(message.messageId(), sink);
        return sink;
    }

    @Override
    public void received(IncomingMessage message, long size) {
        MemorySink sink = inProgress.remove(message.messageId());
        if (sink == null || message.contentType().startsWith("application/im-iscomposing")) {
            return; // an isComposing is worthless later (RFC 3994)
        }
        keep.accept(message.contentType(), sink.toByteArray(size));
    }

    @Override
    public void dropped(IncomingMessage message) {
        inProgress.remove(message.messageId());
    }
}
