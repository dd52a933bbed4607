package org.opencpm.message.resourcelists;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceListsTest {

    private static final String NS = "urn:ietf:params:xml:ns:resource-lists";
    private static final String CP = "urn:ietf:params:xml:ns:copycontrol";
    private static final String SECRET = "s3cr3t-do-not-leak";
    private static final int MAX = 100;

    /** The list of protocol-facts section 4, as rcsjta writes it. */
    static final String PROTOCOL_FACTS_EXAMPLE = "<resource-lists xmlns=\"" + NS + "\" xmlns:cp=\"" + CP + "\">"
            + "<list><entry uri=\"tel:+8613800000001\" cp:copyControl=\"to\"/></list></resource-lists>";

    private static ResourceLists parse(String xml) {
        return ResourceLists.parse(xml.getBytes(UTF_8), MAX);
    }

    /** A document with one list holding {@code content}, the copycontrol prefix bound to {@code cpNamespace}. */
    private static String doc(String cpNamespace, String content) {
        return "<resource-lists xmlns=\"" + NS + "\" xmlns:cp=\"" + cpNamespace + "\"><list>" + content
                + "</list></resource-lists>";
    }

    private static String list(String content) {
        return doc(CP, content);
    }

    @Test
    void parsesTheProtocolFactsExample() {
        ResourceLists lists = parse(PROTOCOL_FACTS_EXAMPLE);
        assertEquals(List.of(new ResourceList(null, List.of(new ResourceEntry("tel:+8613800000001")))),
                lists.lists());
        assertEquals(List.of(new ResourceEntry("tel:+8613800000001", null, CopyControl.TO)), lists.entries());
    }

    static Stream<Arguments> copyControls() {
        return Stream.of(
                Arguments.of(CP, " cp:copyControl=\"to\"", CopyControl.TO),
                Arguments.of(CP, " cp:copyControl=\"cc\"", CopyControl.CC),
                Arguments.of(CP, " cp:copyControl=\"bcc\"", CopyControl.BCC),
                Arguments.of(CP, " cp:copyControl=\" bcc \"", CopyControl.BCC),
                Arguments.of(CP, "", CopyControl.TO),
                Arguments.of("urn:ietf:params:xml:ns:copyControl", " cp:copyControl=\"cc\"", CopyControl.CC),
                Arguments.of("urn:ietf:params:xml:ns:copyControl", " cp:copyControl=\"bcc\"", CopyControl.BCC),
                // an unqualified attribute is not the RFC 5364 one
                Arguments.of(CP, " copyControl=\"bcc\"", CopyControl.TO),
                Arguments.of("urn:example:other", " cp:copyControl=\"bcc\"", CopyControl.TO));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("copyControls")
    void readsCopyControl(String cpNamespace, String attribute, CopyControl expected) {
        ResourceLists lists = parse(doc(cpNamespace, "<entry uri=\"sip:bob@example.com\"" + attribute + "/>"));
        assertEquals(expected, lists.entries().get(0).copyControl());
    }

    @Test
    void copyControlValuesAreTheSchemaOnes() {
        assertEquals("to cc bcc", String.join(" ", Stream.of(CopyControl.values()).map(CopyControl::xmlValue)
                .toList()));
        assertEquals(CopyControl.BCC, CopyControl.fromXml("bcc"));
        assertEquals("resource list copyControl unknown: Cc",
                assertThrows(ResourceListFormatException.class, () -> CopyControl.fromXml("Cc")).getMessage());
        assertEquals("resource list copyControl unknown",
                assertThrows(ResourceListFormatException.class, () -> CopyControl.fromXml(null)).getMessage());
    }

    @Test
    void readsDisplayNames() {
        ResourceLists lists = parse(list("<entry uri=\"sip:a@example.com\"><display-name xml:lang=\"en\">"
                + " Tom &amp; &lt;Jerry&gt; \u00fc </display-name></entry>"
                + "<entry uri=\"sip:b@example.com\"><display-name>  </display-name></entry>"
                + "<entry uri=\"sip:c@example.com\"><x:display-name xmlns:x=\"urn:example\">no</x:display-name>"
                + "</entry>"));
        assertEquals("Tom & <Jerry> \u00fc", lists.entries().get(0).displayName());
        assertNull(lists.entries().get(1).displayName());
        assertNull(lists.entries().get(2).displayName());
    }

    @Test
    void readsTheDisplayNameOfATopLevelListOnly() {
        ResourceLists lists = parse("<resource-lists xmlns=\"" + NS + "\"><list name=\"team\">"
                + "<display-name xml:lang=\"en\"> Team &amp; co </display-name>"
                + "<list><display-name>Nested</display-name><entry uri=\"sip:a@example.com\"/></list></list>"
                + "<list><display-name> </display-name><entry uri=\"sip:b@example.com\"/></list>"
                + "</resource-lists>");
        assertEquals(List.of(new ResourceList("team", "Team & co", List.of(new ResourceEntry("sip:a@example.com"))),
                new ResourceList(null, null, List.of(new ResourceEntry("sip:b@example.com")))), lists.lists());
        assertEquals("resource list has more than one display-name", assertThrows(ResourceListFormatException.class,
                () -> parse(list("<display-name>A</display-name><display-name>B</display-name>"
                        + "<entry uri=\"sip:a@example.com\"/>"))).getMessage());
    }

    @Test
    void flattensNestedListsIntoTheirTopLevelList() {
        ResourceLists lists = parse("<resource-lists xmlns=\"" + NS + "\" xmlns:cp=\"" + CP + "\">"
                + "<list name=\"friends\"><display-name>Friends</display-name>"
                + "<entry uri=\"sip:a@example.com\"/>"
                + "<list name=\"close\"><entry uri=\"sip:b@example.com\" cp:copyControl=\"cc\"/>"
                + "<list><entry uri=\"tel:+15551234567\"/></list></list>"
                + "<entry uri=\"sips:c@example.com\"/></list>"
                + "<x:ignored xmlns:x=\"urn:example\"><entry uri=\"sip:not@example.com\"/></x:ignored>"
                + "<list name=\"work\"><entry uri=\"sip:d@example.com\" cp:copyControl=\"bcc\"/></list>"
                + "</resource-lists>");
        assertEquals(List.of(
                new ResourceList("friends", "Friends", List.of(new ResourceEntry("sip:a@example.com"),
                        new ResourceEntry("sip:b@example.com", null, CopyControl.CC),
                        new ResourceEntry("tel:+15551234567"),
                        new ResourceEntry("sips:c@example.com"))),
                new ResourceList("work", List.of(new ResourceEntry("sip:d@example.com", null, CopyControl.BCC)))),
                lists.lists());
        assertEquals(List.of("sip:a@example.com", "sip:b@example.com", "tel:+15551234567", "sips:c@example.com",
                "sip:d@example.com"), lists.entries().stream().map(ResourceEntry::uri).toList());
    }

    @Test
    void dropsRepeatedUrisKeepingTheFirst() {
        ResourceLists lists = parse("<resource-lists xmlns=\"" + NS + "\" xmlns:cp=\"" + CP + "\">"
                + "<list><entry uri=\"sip:a@example.com\" cp:copyControl=\"cc\"/>"
                + "<entry uri=\" sip:b@example.com \"/><entry uri=\"sip:a@example.com\"/></list>"
                + "<list name=\"again\"><entry uri=\"sip:b@example.com\" cp:copyControl=\"bcc\"/></list>"
                + "</resource-lists>");
        assertEquals(List.of(new ResourceEntry("sip:a@example.com", null, CopyControl.CC),
                new ResourceEntry("sip:b@example.com")), lists.entries());
        assertEquals(new ResourceList("again", List.of()), lists.lists().get(1));
    }

    @Test
    void boundsTheNumberOfEntries() {
        String three = list("<entry uri=\"sip:a@example.com\"/><entry uri=\"sip:b@example.com\"/>"
                + "<list><entry uri=\"sip:a@example.com\"/></list>");
        assertEquals(2, ResourceLists.parse(three.getBytes(UTF_8), 3).entries().size());
        // duplicates count: the bound is on the work the document asks for
        assertEquals("resource list has more than 2 entries", assertThrows(ResourceListFormatException.class,
                () -> ResourceLists.parse(three.getBytes(UTF_8), 2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ResourceLists.parse(three.getBytes(UTF_8), 0));
    }

    static Stream<Arguments> malformed() {
        String entry = "<entry uri=\"sip:a@example.com\"/>";
        String deep = entry;
        for (int i = 0; i < 10; i++) {
            deep = "<list>" + deep + "</list>";
        }
        return Stream.of(
                Arguments.of("not xml", "resource list XML not well-formed or has a DOCTYPE (line 1)"),
                Arguments.of(list(entry).replace("</list>", ""),
                        "resource list XML not well-formed or has a DOCTYPE (line 1)"),
                Arguments.of(list(entry).replace(NS, NS + "2"),
                        "resource list root element must be resource-lists in " + NS),
                Arguments.of(list(entry).replace(" xmlns=\"" + NS + "\"", ""),
                        "resource list root element must be resource-lists in " + NS),
                Arguments.of("<resource-lists xmlns=\"" + NS + "\">" + entry + "</resource-lists>",
                        "resource list has no list element"),
                Arguments.of(list(""), "resource list has no entries"),
                Arguments.of(list("<list/>"), "resource list has no entries"),
                Arguments.of(list(deep), "resource list nested more than 8 deep"),
                Arguments.of(list("<entry/>"), "resource list entry uri missing"),
                Arguments.of(list("<entry uri=\" \"/>"), "resource list entry uri missing"),
                Arguments.of(list("<entry cp:uri=\"sip:a@example.com\"/>"), "resource list entry uri missing"),
                Arguments.of(list("<entry uri=\"http://example.com/\"/>"),
                        "resource list entry uri must be sip, sips or tel"),
                Arguments.of(list("<entry uri=\"mailto:a@example.com\"/>"),
                        "resource list entry uri must be sip, sips or tel"),
                Arguments.of(list("<entry uri=\"sip:\"/>"), "resource list entry uri must be sip, sips or tel"),
                Arguments.of(list("<entry uri=\"a@example.com\"/>"),
                        "resource list entry uri must be sip, sips or tel"),
                Arguments.of(list("<entry uri=\"sipx:a@example.com\"/>"),
                        "resource list entry uri must be sip, sips or tel"),
                Arguments.of(list("<entry uri=\"sip:a b@example.com\"/>"),
                        "resource list entry uri not printable ASCII"),
                Arguments.of(list("<entry uri=\"sip:a&#13;&#10;Via:@example.com\"/>"),
                        "resource list entry uri not printable ASCII"),
                Arguments.of(list("<entry uri=\"sip:j\u00fcrgen@example.com\"/>"),
                        "resource list entry uri not printable ASCII"),
                Arguments.of(list("<entry uri=\"sip:a@example.com\" cp:copyControl=\"CC\"/>"),
                        "resource list copyControl unknown: CC"),
                Arguments.of(list("<entry uri=\"sip:a@example.com\" cp:copyControl=\"\u00e7c\"/>"),
                        "resource list copyControl unknown"),
                Arguments.of(list("<entry uri=\"sip:a@example.com\"><display-name>a</display-name>"
                        + "<display-name>b</display-name></entry>"),
                        "resource list entry has more than one display-name"),
                Arguments.of(list(entry + "<entry-ref ref=\"users/sip:b@example.com/index/~~/resource-lists\"/>"),
                        "resource list entry-ref not supported"),
                Arguments.of(list("<list><external anchor=\"http://xcap.example.com/lists/friends\"/></list>"),
                        "resource list external not supported"),
                Arguments.of(list("<entry uri=\"sip:a@example.com\"><display-name>"
                        + "x".repeat(ResourceLists.MAX_SIZE) + "</display-name></entry>"),
                        "resource list document too large"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void rejectsWithAPreciseOneLineReason(String xml, String reason) {
        ResourceListFormatException e = assertThrows(ResourceListFormatException.class, () -> parse(xml));
        assertEquals(reason, e.getMessage());
        assertTrue(e.getMessage().matches("[\\x20-\\x7e]{1,100}"), e.getMessage());
    }

    @Test
    void rejectsADoctype() {
        assertDoctypeRefused("<!DOCTYPE resource-lists>\n" + PROTOCOL_FACTS_EXAMPLE);
    }

    @Test
    void rejectsAnExternalEntity(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        assertDoctypeRefused("<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE resource-lists [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + list("<entry uri=\"sip:a@example.com\"><display-name>&xxe;</display-name></entry>"));
    }

    @Test
    void rejectsAnExternalDtd(@TempDir Path dir) throws IOException {
        Path dtd = Files.writeString(dir.resolve("evil.dtd"), "<!ENTITY leak \"" + SECRET + "\">");
        assertDoctypeRefused("<!DOCTYPE resource-lists SYSTEM \"" + dtd.toUri() + "\">\n"
                + list("<entry uri=\"sip:a@example.com\"><display-name>&leak;</display-name></entry>"));
    }

    @Test
    void rejectsBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE resource-lists [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>\n");
        assertDoctypeRefused(dtd + list("<entry uri=\"sip:a@example.com\"><display-name>&lol9;</display-name>"
                + "</entry>"));
    }

    private static void assertDoctypeRefused(String xml) {
        ResourceListFormatException e = assertThrows(ResourceListFormatException.class, () -> parse(xml));
        assertTrue(e.getMessage().startsWith("resource list XML not well-formed or has a DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void writesLowerCaseCopyControlOnEveryEntry() {
        ResourceLists lists = ResourceLists.of("a \"b\" & c", List.of(
                new ResourceEntry("tel:+8613800000001"),
                new ResourceEntry("sip:b@example.com;transport=tcp?x=1&y=\"2\"", "Tom & <Jerry>", CopyControl.CC),
                new ResourceEntry("sips:c@example.com", null, CopyControl.BCC)));
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists" \
                xmlns:cp="urn:ietf:params:xml:ns:copycontrol">
                  <list name="a &quot;b&quot; &amp; c">
                    <entry uri="tel:+8613800000001" cp:copyControl="to"/>
                    <entry uri="sip:b@example.com;transport=tcp?x=1&amp;y=&quot;2&quot;" cp:copyControl="cc">\
                <display-name>Tom &amp; &lt;Jerry&gt;</display-name></entry>
                    <entry uri="sips:c@example.com" cp:copyControl="bcc"/>
                  </list>
                </resource-lists>
                """, new String(lists.toXml(), UTF_8));
    }

    @Test
    void writesTheListDisplayNameFirst() {
        ResourceLists lists = new ResourceLists(List.of(new ResourceList("team", "Team & <co>",
                List.of(new ResourceEntry("sip:a@example.com")))));
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists" \
                xmlns:cp="urn:ietf:params:xml:ns:copycontrol">
                  <list name="team">
                    <display-name>Team &amp; &lt;co&gt;</display-name>
                    <entry uri="sip:a@example.com" cp:copyControl="to"/>
                  </list>
                </resource-lists>
                """, new String(lists.toXml(), UTF_8));
    }

    static Stream<ResourceLists> documents() {
        return Stream.of(
                ResourceLists.of(null, List.of(new ResourceEntry("tel:+8613800000001"))),
                ResourceLists.of("n\r\n\tx", List.of(new ResourceEntry("sip:a@example.com", "\u00fc \ud83d\ude00\tx",
                        CopyControl.BCC), new ResourceEntry("SIP:b@example.com", "\"q\" 'x'", CopyControl.CC))),
                new ResourceLists(List.of(new ResourceList("one", "One \u00fc", List.of(new ResourceEntry("tel:+1"))),
                        new ResourceList(null, List.of(new ResourceEntry("tel:+2", "two", CopyControl.CC))))));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void roundTrips(ResourceLists lists) {
        assertEquals(lists, ResourceLists.parse(lists.toXml(), MAX));
    }

    @Test
    void constructorsCheckWhatTheyHold() {
        assertEquals("resource list has no entries", assertThrows(ResourceListFormatException.class,
                () -> ResourceLists.of("x", List.of())).getMessage());
        assertEquals("resource list has no entries", assertThrows(ResourceListFormatException.class,
                () -> new ResourceLists(List.of())).getMessage());
        assertEquals("resource list entry uri must be sip, sips or tel", assertThrows(
                ResourceListFormatException.class, () -> new ResourceEntry("im:a@example.com")).getMessage());
        assertEquals("resource list display-name has a character XML cannot carry", assertThrows(
                ResourceListFormatException.class,
                () -> new ResourceEntry("sip:a@example.com", "\u0000", CopyControl.TO)).getMessage());
        assertEquals("resource list name has a character XML cannot carry", assertThrows(
                ResourceListFormatException.class, () -> ResourceLists.of("\ud800", List.of(
                        new ResourceEntry("sip:a@example.com")))).getMessage());
        assertEquals("resource list display-name has a character XML cannot carry", assertThrows(
                ResourceListFormatException.class, () -> new ResourceList("x", "\uffff", List.of())).getMessage());
        assertThrows(NullPointerException.class, () -> new ResourceEntry("sip:a@example.com", null, null));
    }
}
