package org.opencpm.msrp.stack;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.opencpm.msrp.api.DeliveryResult;
import org.opencpm.msrp.api.MessageDelivery;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.OutgoingMessage;

/** A large message sent on a thread of its own, since {@link MsrpSession#send} blocks while the peer is slow. */
final class BackgroundSend {

    final Thread thread;
    private final AtomicReference<MessageDelivery> delivery = new AtomicReference<>();

    BackgroundSend(MsrpSession session, Payload payload) {
        thread = new Thread(() -> {
            try {
                delivery.set(session.send(OutgoingMessage.builder("application/octet-stream", payload.stream(),
                        payload.size).build()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "sender");
        thread.start();
    }

    /** Waits for the send to return, then for the delivery's result. */
    DeliveryResult result() throws Exception {
        thread.join(30_000);
        if (thread.isAlive()) {
            throw new AssertionError("send still blocked after 30 s");
        }
        return delivery.get().result().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
