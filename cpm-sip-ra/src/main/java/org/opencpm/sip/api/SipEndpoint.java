package org.opencpm.sip.api;

/**
 * The inbound side of the connector: the container hands every message for an application to its endpoint,
 * naming the servlet that must handle it. In WildFly the endpoint is a message-driven bean activated on the
 * SIP resource adapter; in tests, the embedded container calls it directly.
 */
public interface SipEndpoint {

    void onMessage(String servletName, SipServletMessage message) throws Exception;

    void onTimeout(String servletName, ServletTimer timer) throws Exception;
}
