package org.opencpm.sip.api;

import java.util.List;
import javax.sip.address.Address;

/** What requests and responses share. Header names are case-insensitive; compact forms are understood. */
public interface SipServletMessage {

    String getMethod();

    String getCallId();

    Address getFrom();

    Address getTo();

    /** First value of the header, or null. Multi-valued headers folded on one line come back as written. */
    String getHeader(String name);

    /** Every value of the header, one per header field value. */
    List<String> getHeaders(String name);

    /** The names of the headers present, in order of first appearance, each once. */
    List<String> getHeaderNames();

    /**
     * Header lines the parser could not read ({@code Name: value} as received). The stack keeps a message whose
     * optional headers are malformed; applications decide whether that matters (e.g. a registrar and Contact).
     */
    List<String> getMalformedHeaders();

    /** Replaces every value of the header. Throws {@link IllegalArgumentException} when the value does not parse. */
    void setHeader(String name, String value);

    void addHeader(String name, String value);

    void removeHeader(String name);

    /** Content-Type value, or null when there is none. */
    String getContentType();

    /** The body; an empty array when there is none. */
    byte[] getRawContent();

    int getContentLength();

    void setContent(byte[] content, String contentType);

    SipSession getSession();

    SipApplicationSession getApplicationSession();

    /** "UDP" or "TCP": the transport the message arrived on or leaves by. */
    String getTransport();

    String getRemoteAddr();

    int getRemotePort();

    String getLocalAddr();

    int getLocalPort();

    Object getAttribute(String name);

    void setAttribute(String name, Object value);

    void send();

    /** The whole message as it stands, for logging and tests. */
    String toString();
}
