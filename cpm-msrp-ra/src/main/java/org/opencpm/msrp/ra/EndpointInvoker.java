package org.opencpm.msrp.ra;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.function.Consumer;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.IncomingMessage;
import org.opencpm.msrp.api.MessageRefusedException;
import org.opencpm.msrp.api.MsrpReport;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.chunk.ChunkSink;
import org.opencpm.msrp.codec.MsrpStatus;

/**
 * Delivers session events to a pooled message endpoint (the application's MDB), one endpoint instance per event,
 * so that the application runs with its own component context on the connector's threads.
 */
final class EndpointInvoker implements MsrpSessionListener {

    private final MessageEndpointFactory factory;

    EndpointInvoker(MessageEndpointFactory factory) {
        this.factory = factory;
    }

    @Override
    public ChunkSink onMessage(MsrpSession session, IncomingMessage message) throws MessageRefusedException {
        MessageEndpoint endpoint;
        try {
            endpoint = factory.createEndpoint(null);
        } catch (UnavailableException e) {
            // RFC 4975 sec 10: 413 asks the sender to stop sending this message; nobody here can take it.
            throw new MessageRefusedException(MsrpStatus.MESSAGE_TOO_LARGE, "MSRP endpoint unavailable");
        }
        try {
            return ((MsrpSessionListener) endpoint).onMessage(session, message);
        } finally {
            endpoint.release();
        }
    }

    @Override
    public void onMessageReceived(MsrpSession session, IncomingMessage message, long size) {
        deliver(l -> l.onMessageReceived(session, message, size));
    }

    @Override
    public void onMessageAborted(MsrpSession session, IncomingMessage message, long contiguousBytes) {
        deliver(l -> l.onMessageAborted(session, message, contiguousBytes));
    }

    @Override
    public void onReport(MsrpSession session, MsrpReport report) {
        deliver(l -> l.onReport(session, report));
    }

    @Override
    public void onConnected(MsrpSession session) {
        deliver(l -> l.onConnected(session));
    }

    @Override
    public void onClosed(MsrpSession session, CloseReason reason) {
        deliver(l -> l.onClosed(session, reason));
    }

    private void deliver(Consumer<MsrpSessionListener> event) {
        MessageEndpoint endpoint;
        try {
            endpoint = factory.createEndpoint(null);
        } catch (UnavailableException e) {
            throw new IllegalStateException("MSRP endpoint unavailable", e);
        }
        try {
            event.accept((MsrpSessionListener) endpoint);
        } finally {
            endpoint.release();
        }
    }
}
