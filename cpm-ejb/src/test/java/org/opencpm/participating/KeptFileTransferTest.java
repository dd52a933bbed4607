package org.opencpm.participating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeptFileTransferTest {

    private final KeptFileTransfer kept = new KeptFileTransfer(UUID.randomUUID(), 4_194_317, "image/jpeg",
            Map.of("file-selector", "name:\"holiday.jpg\" type:image/jpeg size:4194317",
                    "file-icon", "cid:icon@example.com", "file-disposition", "render"));

    @Test
    void aDescriptorReadsBackAsWritten() {
        assertEquals(kept, KeptFileTransfer.parse(kept.toBytes()));
    }

    @Test
    void aQueuedDescriptorIsRecognisedByItsType() {
        assertTrue(KeptFileTransfer.isKeptFile(KeptFileTransfer.MEDIA_TYPE));
        assertTrue(!KeptFileTransfer.isKeptFile("message/cpim"));
    }

    @Test
    void lineBreaksOrUnknownAttributesCannotBeWrittenIn() {
        assertThrows(IllegalArgumentException.class, () -> new KeptFileTransfer(UUID.randomUUID(), 1, "a/b",
                Map.of("file-selector", "name:\"x\"\r\nFile-Id: 00000000-0000-0000-0000-000000000000")));
        assertThrows(IllegalArgumentException.class, () -> new KeptFileTransfer(UUID.randomUUID(), 1, "a/b",
                Map.of("file-path", "/etc/passwd")));
        assertThrows(IllegalArgumentException.class, () -> new KeptFileTransfer(UUID.randomUUID(), -1, "a/b",
                Map.of()));
    }

    @Test
    void aBrokenOrOversizedDescriptorIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> KeptFileTransfer.parse("Size: 3\r\n".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class,
                () -> KeptFileTransfer.parse("garbage".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> KeptFileTransfer.parse(new byte[9000]));
    }
}
