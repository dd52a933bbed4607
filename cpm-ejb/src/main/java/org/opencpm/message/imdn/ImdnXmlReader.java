package org.opencpm.message.imdn;

import java.util.ArrayList;
import java.util.List;
import org.opencpm.message.SafeXml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads an {@link ImdnDocument} from untrusted bytes, parsed by {@link SafeXml}. */
final class ImdnXmlReader {

    private static final String ROOT = "imdn";
    private static final String STATUS = "status";

    private ImdnXmlReader() {
    }

    static ImdnDocument read(byte[] xml) {
        if (xml.length > ImdnDocument.MAX_SIZE) {
            throw new ImdnFormatException("IMDN document too large");
        }
        Element root = SafeXml.parse(xml, "IMDN", ImdnFormatException::new).getDocumentElement();
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
