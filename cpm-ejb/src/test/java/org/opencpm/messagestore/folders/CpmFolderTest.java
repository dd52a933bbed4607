package org.opencpm.messagestore.folders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpmFolderTest {

    @Test
    void aOneToOneFolderIsTheOtherPartysIdentityHoweverItWasSpelt() {
        CpmFolder bob = CpmFolder.oneToOne("sip:Bob@example.com");
        assertEquals(CpmFolder.Kind.ONE_TO_ONE_CONVERSATION, bob.kind());
        assertEquals(List.of("sip:Bob@example=2Ecom"), bob.names());
        for (String spelling : List.of("<sip:Bob@example.com>", "\"Bob\" <sip:Bob@EXAMPLE.com;user=phone>",
                " SIP:Bob@example.com?Subject=x ", "Bob <sip:Bob@example.com;gr=urn:uuid:1>")) {
            assertEquals(bob, CpmFolder.oneToOne(spelling), spelling);
        }
        assertEquals(List.of("tel:+15550100"), CpmFolder.oneToOne("<tel:+1-555-0100;phone-context=x>").names());
        assertEquals(List.of("sip:bob@example=2Ecom"), CpmFolder.oneToOne("sip:bob@example.com").names(),
                "SIP user parts are case-sensitive");
    }

    @Test
    void groupsAreNamedAfterTheConversationIdAndTheirSessionsAfterTheContributionId() {
        CpmFolder group = CpmFolder.group("f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
        CpmFolder session = group.session("abcdef-1234-5678-90ab-cdef01234567");
        assertEquals(CpmFolder.Kind.SESSION, session.kind());
        assertEquals("Default.f81d4fae-7dec-11d0-a765-00a0c91e6bf6.abcdef-1234-5678-90ab-cdef01234567",
                session.path("Default", '.'));
        assertEquals("CPM/Default/f81d4fae-7dec-11d0-a765-00a0c91e6bf6", group.path("CPM/Default", '/'));
        assertEquals(List.of("Conv=2EID"), CpmFolder.group("Conv.ID").names(), "Conversation-IDs are not canonicalised");
        assertEquals(List.of("tel:+15550199"), CpmFolder.interworkedGroup("tel:+1 555 0199").names());
    }

    @Test
    void sessionFoldersAreInsideConversationFoldersAndDoNotNest() {
        CpmFolder oneToOne = CpmFolder.oneToOne("tel:+15550100").session("c");
        assertEquals(CpmFolder.Kind.SESSION, oneToOne.kind());
        assertEquals(List.of("tel:+15550100", "c"), oneToOne.names());
        assertThrows(IllegalStateException.class, () -> CpmFolder.group("g").session("c").session("d"));
    }

    @Test
    void aFolderKeyGivesTheFolderBackAndNothingElseIsAKey() {
        for (CpmFolder f : List.of(CpmFolder.oneToOne("sip:bob@example.com"), CpmFolder.group("a/b.c"),
                CpmFolder.group("g").session("s:1"), CpmFolder.oneToOne("tel:+1").session("x".repeat(300)))) {
            assertEquals(f, CpmFolder.fromKey(f.key()));
        }
        assertThrows(IllegalArgumentException.class, () -> CpmFolder.fromKey("nothing"));
        assertThrows(IllegalArgumentException.class, () -> CpmFolder.fromKey("SESSION:a"));
        assertThrows(IllegalArgumentException.class, () -> CpmFolder.fromKey("GROUP_CONVERSATION:a.b"));
        assertThrows(IllegalArgumentException.class, () -> CpmFolder.fromKey("OTHER:a"));
    }

    @Test
    void namesNotMadeByFolderNamesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new CpmFolder(CpmFolder.Kind.GROUP_CONVERSATION, List.of("a.b")));
        assertThrows(IllegalArgumentException.class,
                () -> new CpmFolder(CpmFolder.Kind.GROUP_CONVERSATION, List.of("a\r\nb")));
        assertThrows(IllegalArgumentException.class, () -> new CpmFolder(CpmFolder.Kind.SESSION, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> CpmFolder.oneToOne("no scheme"));
        assertThrows(IllegalArgumentException.class, () -> CpmFolder.oneToOne(" "));
    }
}
