package org.opencpm.message;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SafeXmlTest {

    @Test
    void escapesTextAndAttributesSoTheyParseBackUnchanged() {
        String awkward = "a&b<c>\"d\"\r\n\te";
        assertEquals("a&amp;b&lt;c&gt;\"d\"&#13;\n\te", SafeXml.appendText(new StringBuilder(), awkward).toString());
        assertEquals("a&amp;b&lt;c&gt;&quot;d&quot;&#13;&#10;&#9;e",
                SafeXml.appendAttribute(new StringBuilder(), awkward).toString());
        StringBuilder xml = new StringBuilder("<r a=\"");
        SafeXml.appendAttribute(xml, awkward).append("\">");
        SafeXml.appendText(xml, awkward).append("</r>");
        Element root = SafeXml.parse(xml.toString().getBytes(UTF_8), "Test", IllegalArgumentException::new)
                .getDocumentElement();
        assertEquals(awkward, root.getAttribute("a"));
        assertEquals(awkward, root.getTextContent());
    }

    @Test
    void refusesWithTheCallersExceptionAndLineNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SafeXml.parse(
                "<!DOCTYPE r>\n<r/>".getBytes(UTF_8), "Test", IllegalArgumentException::new));
        assertEquals("Test XML not well-formed or has a DOCTYPE (line 1)", e.getMessage());
    }

    @Test
    void canCarryOnlyXmlChars() {
        assertEquals(true, SafeXml.canCarry("tab\there \ud83d\ude00"));
        assertEquals(false, SafeXml.canCarry("nul\u0000"));
        assertEquals(false, SafeXml.canCarry("lone \ud800"));
    }
}
