package org.opencpm.msrp.api;

import java.util.concurrent.CompletionStage;

/**
 * A message on its way out. What the {@link #result()} waits for follows the report headers (RFC 4975 sec
 * 7.1.1): with Success-Report {@code yes}, the success REPORT on the whole message from its destination;
 * otherwise with Failure-Report {@code yes} (the default), a 200 to every chunk from the next hop, which across a
 * bridge is not the destination: a failure further on then comes later, as a REPORT to the session's listener;
 * otherwise nothing: it completes once every chunk is queued. Any failure response, failure REPORT or timeout
 * that comes first ends it at once, and no further chunk is sent.
 */
public interface MessageDelivery {

    String messageId();

    CompletionStage<DeliveryResult> result();
}
