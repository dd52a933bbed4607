package org.opencpm.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parsing of untrusted XML bodies and the escaping our writers share. A DOCTYPE is refused outright, which rules out
 * XXE and entity expansion (billion laughs) whatever else the parser would allow; external access and XInclude are
 * off too, so a change to one setting does not open the door.
 */
public final class SafeXml {

    // Fatal errors become the caller's own reason; nothing is printed to stderr as the default handler would.
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

    private SafeXml() {
    }

    /**
     * Parses namespace-aware. A document that is not well-formed or has a DOCTYPE is refused with
     * {@code reject} applied to "{@code <what>} XML not well-formed or has a DOCTYPE", plus " (line N)" when known.
     */
    public static Document parse(byte[] xml, String what, Function<String, ? extends RuntimeException> reject) {
        String reason = what + " XML not well-formed or has a DOCTYPE";
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(RETHROW);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            // The parser's message may quote the input; only the line number is ours to pass on.
            throw reject.apply(reason + (e.getLineNumber() > 0 ? " (line " + e.getLineNumber() + ')' : ""));
        } catch (SAXException | IOException e) {
            throw reject.apply(reason);
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

    /** Whether every character is an XML 1.0 Char (sec 2.2); others cannot be written even escaped. */
    public static boolean canCarry(String text) {
        return text.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF));
    }

    /** Appends {@code text} as element content. */
    public static StringBuilder appendText(StringBuilder xml, String text) {
        return append(xml, text, false);
    }

    /** Appends {@code text} as the value of an attribute delimited by double quotes. */
    public static StringBuilder appendAttribute(StringBuilder xml, String text) {
        return append(xml, text, true);
    }

    private static StringBuilder append(StringBuilder xml, String text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                // a raw CR would come back as LF (XML 1.0 sec 2.11)
                case '\r' -> xml.append("&#13;");
                case '"' -> xml.append(attribute ? "&quot;" : "\"");
                // attribute-value normalisation would turn raw ones into spaces (XML 1.0 sec 3.3.3)
                case '\n' -> xml.append(attribute ? "&#10;" : "\n");
                case '\t' -> xml.append(attribute ? "&#9;" : "\t");
                default -> xml.append(c);
            }
        }
        return xml;
    }
}
