package org.opencpm.sip.container;

import gov.nist.javax.sip.header.HeaderFactoryImpl;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.address.Address;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import org.opencpm.sip.api.SipApplicationSession;
import org.opencpm.sip.api.SipServletMessage;
import org.opencpm.sip.api.SipSession;

/** What {@link RequestImpl} and {@link ResponseImpl} share: a JAIN-SIP message, its session and transport facts. */
abstract class MessageImpl implements SipServletMessage {

    protected final SipContainer container;
    protected final Message message;
    protected SessionImpl session;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private String transport;
    private String remoteAddr;
    private int remotePort;

    MessageImpl(SipContainer container, Message message, SessionImpl session) {
        this.container = container;
        this.message = message;
        this.session = session;
    }

    Message jainMessage() {
        return message;
    }

    void setPeer(String transport, String remoteAddr, int remotePort) {
        this.transport = transport;
        this.remoteAddr = remoteAddr;
        this.remotePort = remotePort;
    }

    @Override
    public String getCallId() {
        return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
    }

    @Override
    public Address getFrom() {
        return ((FromHeader) message.getHeader(FromHeader.NAME)).getAddress();
    }

    @Override
    public Address getTo() {
        return ((ToHeader) message.getHeader(ToHeader.NAME)).getAddress();
    }

    @Override
    public String getHeader(String name) {
        Header h = message.getHeader(name);
        return h == null ? null : HeaderValues.valueOf(h);
    }

    @Override
    public List<String> getHeaders(String name) {
        List<String> values = new ArrayList<>();
        ListIterator<?> it = message.getHeaders(name);
        while (it != null && it.hasNext()) {
            values.add(HeaderValues.valueOf((Header) it.next()));
        }
        return values;
    }

    @Override
    public List<String> getHeaderNames() {
        List<String> names = new ArrayList<>();
        java.util.Iterator<?> it = message.getHeaderNames();
        while (it.hasNext()) {
            String name = (String) it.next();
            if (names.stream().noneMatch(name::equalsIgnoreCase)) {
                names.add(name);
            }
        }
        return names;
    }

    @Override
    public List<String> getMalformedHeaders() {
        List<String> lines = new ArrayList<>();
        ListIterator<String> it = ((gov.nist.javax.sip.message.SIPMessage) message).getUnrecognizedHeaders();
        while (it != null && it.hasNext()) {
            lines.add(it.next());
        }
        return lines;
    }

    @Override
    public void setHeader(String name, String value) {
        message.setHeader(parseHeader(name, value));
    }

    @Override
    public void addHeader(String name, String value) {
        message.addHeader(parseHeader(name, value));
    }

    @Override
    public void removeHeader(String name) {
        message.removeHeader(name);
    }

    private Header parseHeader(String name, String value) {
        try {
            return container.headerFactory().createHeader(name, value);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad " + name + " header value: " + value, e);
        }
    }

    @Override
    public String getContentType() {
        ContentTypeHeader ct = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        return ct == null ? null : HeaderValues.valueOf(ct);
    }

    @Override
    public byte[] getRawContent() {
        byte[] raw = message.getRawContent();
        return raw == null ? new byte[0] : raw;
    }

    @Override
    public int getContentLength() {
        return getRawContent().length;
    }

    @Override
    public void setContent(byte[] content, String contentType) {
        try {
            int slash = contentType.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("content type without subtype: " + contentType);
            }
            ContentTypeHeader ct = (ContentTypeHeader) ((HeaderFactoryImpl) container.headerFactory())
                    .createHeader(ContentTypeHeader.NAME, contentType);
            message.setContent(content, ct);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad content type " + contentType, e);
        }
    }

    @Override
    public SipSession getSession() {
        return session;
    }

    @Override
    public SipApplicationSession getApplicationSession() {
        return session.getApplicationSession();
    }

    @Override
    public String getTransport() {
        return transport;
    }

    @Override
    public String getRemoteAddr() {
        return remoteAddr;
    }

    @Override
    public int getRemotePort() {
        return remotePort;
    }

    @Override
    public String getLocalAddr() {
        return container.config().host();
    }

    @Override
    public int getLocalPort() {
        return container.config().port();
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public String toString() {
        return message.toString();
    }
}
