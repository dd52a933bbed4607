package org.opencpm.messagestore.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencpm.messagestore.folders.CpmFolder;
import org.opencpm.messagestore.folders.FolderNames;

class FolderPathTest {

    @Test
    void pathsOfTheFolderModel() {
        CpmFolder session = CpmFolder.group("conv.1").session("contrib/1");
        FolderPath path = FolderPath.parse("conv=2E1.contrib=2F1");
        assertEquals(session.names(), path.levels());
        assertEquals(FolderPath.Kind.SESSION, path.kind());
        assertEquals(Optional.of("contrib/1"), path.identifier());
        assertEquals(session.path("Default", '.'), path.mailbox("Default", '.'));
        assertEquals("CPM/Default/conv=2E1/contrib=2F1", path.mailbox("CPM/Default", '/'));
        assertEquals("conv=2E1.contrib=2F1", path.toString());

        assertEquals(FolderPath.Kind.ONE_TO_ONE, FolderPath.parse("sip:bob@example=2Ecom").kind());
        assertEquals(FolderPath.Kind.ONE_TO_ONE, FolderPath.parse("tel:+15550100").kind());
        assertEquals(FolderPath.Kind.ONE_TO_ONE, FolderPath.parse("x-my=2Escheme:1").kind());
        assertEquals(FolderPath.Kind.GROUP, FolderPath.parse("f81d4fae-7dec-11d0-a765-00a0c91e6bf6").kind());
        assertEquals(FolderPath.Kind.GROUP, FolderPath.parse(":x").kind());
        String shortened = FolderNames.of("sip:" + "x".repeat(100));
        assertEquals(FolderPath.Kind.ONE_TO_ONE, FolderPath.parse(shortened).kind());
        assertEquals(Optional.empty(), FolderPath.parse(shortened).identifier());
        assertTrue(FolderPath.parse(shortened + "." + shortened).toString().length() <= FolderPath.MAX_LENGTH);
    }

    @Test
    void onlyWhatThePfWrites() {
        for (String bad : List.of("", ".", "..", "a.", ".a", "a..b", "a.b.c", "a/b", "a b", "a=2e", "%", "*",
                "INBOX/../x", "x".repeat(81), "x".repeat(FolderPath.MAX_LENGTH + 1), "a\r\nb", "\u00e9")) {
            assertThrows(IllegalArgumentException.class, () -> FolderPath.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> FolderPath.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new FolderPath(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new FolderPath(List.of("a", "b", "c")));
    }

    @Test
    void conversationsBeforeTheirSessions() {
        List<FolderPath> sorted = List.of("b", "a-x", "a.z", "a", "a.b").stream().map(FolderPath::parse).sorted()
                .toList();
        assertEquals(List.of("a", "a.b", "a.z", "a-x", "b"), sorted.stream().map(FolderPath::toString).toList());
    }
}
