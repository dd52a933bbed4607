package org.opencpm.message.imdn;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an {@link ImdnDocument} from untrusted bytes. A DOCTYPE is refused outright, which rules out XXE and
 * entity expansion (billion laughs) whatever else the parser would allow; external access and XInclude are off
 * too, so a change to one setting does not open the door.
 */
final class ImdnXmlReader {

    private static final String ROOT = "imdn";
    private static final String STATUS = "status";

    // Fatal errors become our own reason; nothing is printed to stderr as the default handler would.
    private static final ErrorHandler RETHROW = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document unusable
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private ImdnXmlReader() {
    }

    static ImdnDocument read(byte[] xml) {
        if (xml.length > ImdnDocument.MAX_SIZE) {
            throw new ImdnFormatException("IMDN document too large");
        }
        Element root = parse(xml).getDocumentElement();
        if (!ImdnDocument.NAMESPACE.equals(root.getNamespaceURI()) || !ROOT.equals(root.getLocalName())) {
            throw new ImdnFormatException("IMDN root element must be imdn in " + ImdnDocument.NAMESPACE);
        }
        String messageId = null;
        String dateTime = null;
        String recipientUri = null;
        String originalRecipientUri = null;
        String subject = null;
        Element notification = null;
        NotificationType type = null;
        // Elements of other namespaces are extensions the schema allows; unknown ones of ours are skipped alike.
        for (Element child : children(root, true)) {
            switch (child.getLocalName()) {
                case "message-id" -> messageId = once(messageId, child).strip();
                case "datetime" -> dateTime = once(dateTime, child).strip();
                case "recipient-uri" -> recipientUri = once(recipientUri, child).strip();
                case "original-recipient-uri" -> originalRecipientUri = once(originalRecipientUri, child).strip();
                case "subject" -> subject = once(subject, child);
                default -> {
                    NotificationType found = notificationType(child);
                    if (found != null) {
                        if (type != null) {
                            throw new ImdnFormatException("IMDN has more than one notification element");
                        }
                        type = found;
                        notification = child;
                    }
                }
            }
        }
        if (type == null) {
            throw new ImdnFormatException("IMDN has no notification element");
        }
        return new ImdnDocument(messageId, dateTime, recipientUri, originalRecipientUri, subject, type,
                status(notification, type));
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(RETHROW);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            // The parser's message may quote the input; only the line number is ours to pass on.
            throw new ImdnFormatException("IMDN XML not well-formed or has a DOCTYPE"
                    + (e.getLineNumber() > 0 ? " (line " + e.getLineNumber() + ')' : ""));
        } catch (SAXException | IOException e) {
            throw new ImdnFormatException("IMDN XML not well-formed or has a DOCTYPE");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a safety feature", e);
        }
    }

    // A new factory per document: a factory's configuration is not thread-safe, and the cost is small.
    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static String once(String earlier, Element element) {
        if (earlier != null) {
            throw new ImdnFormatException("IMDN has more than one " + element.getLocalName());
        }
        return element.getTextContent();
    }

    private static NotificationType notificationType(Element element) {
        for (NotificationType type : NotificationType.values()) {
            if (type.xmlName().equals(element.getLocalName())) {
                return type;
            }
        }
        return null;
    }

    /** The name of the one element inside the one {@code <status>}, e.g. {@code delivered}. */
    private static String status(Element notification, NotificationType type) {
        List<Element> statuses = new ArrayList<>();
        for (Element child : children(notification, true)) {
            if (STATUS.equals(child.getLocalName())) {
                statuses.add(child);
            }
        }
        if (statuses.size() != 1) {
            throw new ImdnFormatException("IMDN " + type.xmlName() + " needs exactly one status");
        }
        List<Element> values = children(statuses.get(0), false);
        if (values.size() != 1) {
            throw new ImdnFormatException("IMDN status must hold exactly one element");
        }
        Element value = values.get(0);
        if (!ImdnDocument.NAMESPACE.equals(value.getNamespaceURI())) {
            throw type.unknownStatus(value.getLocalName());
        }
        return value.getLocalName();
    }

    /** The child elements of {@code parent}, only those in the IMDN namespace when {@code imdnOnly}. */
    private static List<Element> children(Element parent, boolean imdnOnly) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (!imdnOnly || ImdnDocument.NAMESPACE.equals(e.getNamespaceURI()))) {
                children.add(e);
            }
        }
        return children;
    }
}
