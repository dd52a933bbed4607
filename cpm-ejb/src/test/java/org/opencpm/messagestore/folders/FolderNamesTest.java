package org.opencpm.messagestore.folders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FolderNamesTest {

    /** What any IMAP server takes unquoted-or-quoted without wildcards, delimiters or modified UTF-7 shifts. */
    private static final String SAFE = "[A-Za-z0-9_+:@;!',=~-]{1,80}";

    @Test
    void ordinaryIdentifiersReadAsThemselves() {
        assertEquals("tel:+15550100", FolderNames.of("tel:+15550100"));
        assertEquals("f81d4fae-7dec-11d0-a765-00a0c91e6bf6", FolderNames.of("f81d4fae-7dec-11d0-a765-00a0c91e6bf6"));
        assertEquals("sip:bob@example", FolderNames.of("sip:bob@example"));
    }

    @Test
    void delimitersWildcardsQuotesAndShiftsAreEscaped() {
        assertEquals("sip:bob@example=2Ecom", FolderNames.of("sip:bob@example.com"), "James' delimiter");
        assertEquals("a=2Fb", FolderNames.of("a/b"), "the other usual delimiter");
        assertEquals("=25=2A", FolderNames.of("%*"), "LIST wildcards, which James refuses in names");
        assertEquals("=22=5C=26=23=28=29=5B=5D=7B=7D=20", FolderNames.of("\"\\&#()[]{} "));
        assertEquals("=3D=7E", FolderNames.of("=~"), "the escape and the shortening marker themselves");
    }

    @Test
    void crLfAndOtherControlsCannotReachTheCommandLine() {
        String name = FolderNames.of("bob\r\nA1 DELETE INBOX\u0000");
        assertEquals("bob=0D=0AA1=20DELETE=20INBOX=00", name);
        assertTrue(name.matches(SAFE));
    }

    @Test
    void nonAsciiIsEscapedPerUtf8Byte() {
        assertEquals("sip:j=C3=BCrgen@example", FolderNames.of("sip:jürgen@example"));
        assertEquals("=F0=9F=98=80", FolderNames.of("\uD83D\uDE00"), "a surrogate pair is one character");
        assertThrows(IllegalArgumentException.class, () -> FolderNames.of("a\uD83Db"), "a lone surrogate");
        assertThrows(IllegalArgumentException.class, () -> FolderNames.of("\uDE00"));
    }

    @Test
    void differentTextsGiveDifferentNames() {
        List<String> texts = List.of("a.b", "a=2Eb", "a/b", "a b", "a_b", "A.b", "a.b ", "a~b", "a=7Eb");
        Set<String> names = new HashSet<>();
        for (String text : texts) {
            String name = FolderNames.of(text);
            assertTrue(name.matches(SAFE), name);
            assertTrue(names.add(name), text + " -> " + name + " twice");
        }
    }

    @Test
    void longTextsAreShortenedWithAHashTheSameWayEveryTime() {
        String longId = "x".repeat(100);
        String name = FolderNames.of(longId);
        assertEquals(FolderNames.MAX_LENGTH, name.length());
        assertTrue(name.matches("x{63}~[0-9a-f]{16}"), name);
        assertEquals(name, FolderNames.of(longId), "deterministic");
        assertNotEquals(name, FolderNames.of("x".repeat(99) + "y"), "same start, other text");
        assertEquals("x".repeat(80), FolderNames.of("x".repeat(80)), "80 fit");
        String escaped = FolderNames.of(".".repeat(100));
        assertTrue(escaped.matches("(=2E){21}~[0-9a-f]{16}"), "never half an escape: " + escaped);
        assertTrue(FolderNames.of("é".repeat(5000)).matches(SAFE));
    }

    @Test
    void emptyOrHugeTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FolderNames.of(null));
        assertThrows(IllegalArgumentException.class, () -> FolderNames.of(""));
        assertThrows(IllegalArgumentException.class, () -> FolderNames.of("x".repeat(FolderNames.MAX_INPUT_LENGTH + 1)));
    }

    @Test
    void namesReadBackAsTheirIdentifiers() {
        List<String> identifiers = List.of("tel:+15550100", "sip:bob@example.com", "sip:j\u00fcrgen@example",
                "f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "a=b", "a=2Eb", "=", "==", "a.b/c", "/", ".", "..", "~",
                "a~b", "%*", "\"\\&#()[]{} ", "bob\r\nA1 DELETE INBOX\u0000", "\uD83D\uDE00", "\u65e5\u672c",
                "\u0000", "\u007f\u0080\u07ff\u0800\uffff", "x".repeat(80), "=".repeat(26));
        for (String identifier : identifiers) {
            String name = FolderNames.of(identifier);
            assertEquals(Optional.of(identifier), FolderNames.identifierOf(name), identifier + " -> " + name);
            assertTrue(FolderNames.isName(name), name);
        }
    }

    @Test
    void randomTextsRoundTripOrAreShortened() {
        Random random = new Random(6);
        String alphabet = "aZ09-_+:@;!',.=/~% \"\\&#\r\n\u00e9\u00df\u65e5\uD83D\uDE00";
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(40);
            while (text.length() < length) {
                int i = random.nextInt(alphabet.length());
                // a surrogate pair stays whole
                if (Character.isLowSurrogate(alphabet.charAt(i))) {
                    i--;
                }
                text.append(alphabet.charAt(i));
                if (Character.isHighSurrogate(alphabet.charAt(i))) {
                    text.append(alphabet.charAt(i + 1));
                }
            }
            String name = FolderNames.of(text.toString());
            Optional<String> back = FolderNames.identifierOf(name);
            if (name.contains("~")) {
                assertEquals(Optional.empty(), back, name);
            } else {
                assertEquals(Optional.of(text.toString()), back, name);
            }
        }
    }

    @Test
    void shortenedNamesAreNamesWithoutAnIdentifier() {
        for (String text : List.of("x".repeat(100), ".".repeat(100), "\u00e9".repeat(100), "\u65e5".repeat(40),
                "\uD83D\uDE00".repeat(30), "a" + "\u65e5".repeat(40), "ab" + "\u65e5".repeat(40))) {
            String name = FolderNames.of(text);
            assertTrue(name.contains("~"), name);
            assertEquals(Optional.empty(), FolderNames.identifierOf(name), name);
            assertTrue(FolderNames.isName(name), name);
        }
    }

    @Test
    void whatFolderNamesDoesNotWriteIsNotAName() {
        String hash = "~0123456789abcdef";
        List<String> notNames = List.of("", "a.b", "a/b", "a b", "a%b", "a*b", "=2e", "=41", "=2", "a=", "=G0",
                "=C3", "=C3=28", "=ED=A0=80", "=FF", "=C0=80", "x".repeat(81), "a~b", "~", "x".repeat(60) + hash,
                "x".repeat(64) + hash, "x".repeat(63) + "~0123456789ABCDEF", "x".repeat(63) + "~0123",
                "x".repeat(63) + hash + "0", "x".repeat(62) + "=" + hash, "x".repeat(61) + "=2" + hash,
                "x".repeat(60) + "=FF" + hash, "x".repeat(60) + "=C1" + hash, "x".repeat(63) + hash.replace('0', '~'), "\u00e9", "&AOk-");
        for (String name : notNames) {
            assertThrows(IllegalArgumentException.class, () -> FolderNames.identifierOf(name), name);
            assertFalse(FolderNames.isName(name), name);
        }
        assertThrows(IllegalArgumentException.class, () -> FolderNames.identifierOf(null));
        assertFalse(FolderNames.isName(null));
    }
}
