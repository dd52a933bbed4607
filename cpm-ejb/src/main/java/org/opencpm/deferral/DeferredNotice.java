package org.opencpm.deferral;

import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The in-band notification about deferred messages (OMA CPM SD 5.2.5.1): for each message its queue id,
 * originator, subject, date and size, so the client can choose what to retrieve. The system description names
 * the content but no format; this one is OpenCPM's, documented in docs/participating-function.md.
 */
public final class DeferredNotice {

    public static final String MEDIA_TYPE = "application/vnd.opencpm.deferred-messages+xml";
    public static final String NAMESPACE = "urn:opencpm:params:xml:ns:deferred-messages";

    private DeferredNotice() {
    }

    public static byte[] toXml(String userAddress, List<DeferredMessage> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("deferred-messages");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("user", userAddress);
            for (DeferredMessage m : messages) {
                w.writeEmptyElement("message");
                w.writeAttribute("id", m.id().toString());
                w.writeAttribute("from", m.fromHeader());
                if (m.subject() != null) {
                    w.writeAttribute("subject", m.subject());
                }
                w.writeAttribute("date", m.deferredAt().toString());
                w.writeAttribute("expires", m.expiresAt().toString());
                w.writeAttribute("size", Integer.toString(m.body().length));
                w.writeAttribute("content-type", m.contentType());
                if (m.notification()) {
                    w.writeAttribute("notification", "true");
                }
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the deferred-messages notice", e);
        }
        return out.toByteArray();
    }
}
