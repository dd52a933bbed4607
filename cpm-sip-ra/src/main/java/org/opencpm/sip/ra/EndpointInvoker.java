package org.opencpm.sip.ra;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.opencpm.sip.api.ServletTimer;
import org.opencpm.sip.api.SipEndpoint;
import org.opencpm.sip.api.SipServletMessage;

/** Delivers to a pooled message endpoint (the application's MDB), one endpoint instance per delivery. */
final class EndpointInvoker implements SipEndpoint {

    private final MessageEndpointFactory factory;

    EndpointInvoker(MessageEndpointFactory factory) {
        this.factory = factory;
    }

    @Override
    public void onMessage(String servletName, SipServletMessage message) throws Exception {
        MessageEndpoint endpoint = create();
        try {
            ((SipEndpoint) endpoint).onMessage(servletName, message);
        } finally {
            endpoint.release();
        }
    }

    @Override
    public void onTimeout(String servletName, ServletTimer timer) throws Exception {
        MessageEndpoint endpoint = create();
        try {
            ((SipEndpoint) endpoint).onTimeout(servletName, timer);
        } finally {
            endpoint.release();
        }
    }

    private MessageEndpoint create() throws UnavailableException {
        return factory.createEndpoint(null);
    }
}
