package org.opencpm.sipservlets;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.opencpm.sip.api.ServletTimer;
import org.opencpm.sip.api.SipEndpoint;
import org.opencpm.sip.api.SipServletMessage;

/**
 * Where the SIP connector delivers this application's messages. No transaction around a delivery: SIP I/O must not
 * hold one, and the services open their own where they write.
 */
@MessageDriven(messageListenerInterface = SipEndpoint.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "applicationName", propertyValue = "opencpm"),
        @ActivationConfigProperty(propertyName = "routingRules", propertyValue = "META-INF/sip-routing.conf")})
@ResourceAdapter("opencpm.ear#cpm-sip-ra.rar")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SipServletEndpoint implements SipEndpoint {

    @Inject
    SipServletRegistry servlets;

    @Override
    public void onMessage(String servletName, SipServletMessage message) throws Exception {
        servlets.servlet(servletName).service(message);
    }

    @Override
    public void onTimeout(String servletName, ServletTimer timer) throws Exception {
        servlets.servlet(servletName).timeout(timer);
    }
}
