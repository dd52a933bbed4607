package org.opencpm.msrp.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.opencpm.msrp.api.DeliveryResult;
import org.opencpm.msrp.api.MessageDelivery;
import org.opencpm.msrp.api.MsrpReport;
import org.opencpm.msrp.codec.MsrpStatus;

/**
 * The state of one message being sent: the chunks still awaiting a response, whether all are queued, whether the
 * success REPORT it asked for has come. Its result completes once, outside its lock, so that what the application
 * chains on it runs freely.
 */
final class Delivery implements MessageDelivery {

    private final String messageId;
    private final boolean wantsSuccessReport;
    private final CompletableFuture<DeliveryResult> result = new CompletableFuture<>();
    private int outstanding;
    private boolean allQueued;
    private boolean reported;

    Delivery(String messageId, boolean wantsSuccessReport) {
        this.messageId = messageId;
        this.wantsSuccessReport = wantsSuccessReport;
    }

    @Override
    public String messageId() {
        return messageId;
    }

    @Override
    public CompletionStage<DeliveryResult> result() {
        return result;
    }

    boolean isDone() {
        return result.isDone();
    }

    /** A chunk that awaits a response is about to be queued. */
    synchronized void awaiting() {
        outstanding++;
    }

    void onResponse(int code, String comment) {
        DeliveryResult end;
        synchronized (this) {
            outstanding--;
            end = MsrpStatus.isSuccess(code) ? ready() : new DeliveryResult(code, comment);
        }
        finish(end);
    }

    void allQueued() {
        DeliveryResult end;
        synchronized (this) {
            allQueued = true;
            end = ready();
        }
        finish(end);
    }

    /** RFC 4975 sec 7.1.2: a failure REPORT ends the delivery; a success REPORT on the whole message confirms it. */
    void onReport(MsrpReport report) {
        DeliveryResult end;
        synchronized (this) {
            if (!report.status().isSuccess()) {
                end = new DeliveryResult(report.status().code(), report.status().reason());
            } else {
                reported |= report.confirmsWholeMessage();
                end = ready();
            }
        }
        finish(end);
    }

    void fail(DeliveryResult failure) {
        finish(failure);
    }

    void fail(Throwable cause) {
        result.completeExceptionally(cause);
    }

    private DeliveryResult ready() {
        if (!allQueued || outstanding > 0 || wantsSuccessReport && !reported) {
            return null;
        }
        return DeliveryResult.ok(wantsSuccessReport ? "success REPORT received" : "every chunk accepted");
    }

    private void finish(DeliveryResult end) {
        if (end != null) {
            result.complete(end);
        }
    }
}
