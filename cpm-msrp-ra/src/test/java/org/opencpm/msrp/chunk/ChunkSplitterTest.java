package org.opencpm.msrp.chunk;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChunkSplitterTest {

    /** Each chunk as {@code <Byte-Range> <flag> <bytes>}. */
    static List<String> split(String message, long size, int chunkSize, long sent) throws IOException {
        ChunkSplitter splitter = new ChunkSplitter(new ByteArrayInputStream(message.getBytes(US_ASCII)), size,
                chunkSize, sent);
        List<String> chunks = new ArrayList<>();
        for (Optional<Chunk> c = splitter.next(); c.isPresent(); c = splitter.next()) {
            ByteBuffer data = c.get().data();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            chunks.add(c.get().range() + " " + c.get().flag().symbol() + " " + new String(bytes, US_ASCII));
        }
        return chunks;
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                // RFC 4975 sec 5.1 sends "abcdEFGH" as 1-*/8 and 5-8/8; a splitter that knows the size says 1-4/8.
                Arguments.of("abcdEFGH", 8L, 4, 0L, List.of("1-4/8 + abcd", "5-8/8 $ EFGH")),
                Arguments.of("abcdEFGH", -1L, 4, 0L, List.of("1-4/* + abcd", "5-8/8 $ EFGH")),
                Arguments.of("abcdEFGHij", 10L, 4, 0L, List.of("1-4/10 + abcd", "5-8/10 + EFGH", "9-10/10 $ ij")),
                Arguments.of("abcdEFGHij", -1L, 4, 0L, List.of("1-4/* + abcd", "5-8/* + EFGH", "9-10/10 $ ij")),
                Arguments.of("abc", 3L, 2048, 0L, List.of("1-3/3 $ abc")),
                Arguments.of("abc", -1L, 2048, 0L, List.of("1-3/3 $ abc")),
                Arguments.of("", 0L, 4, 0L, List.of("1-0/0 $ ")),
                Arguments.of("", -1L, 4, 0L, List.of("1-0/0 $ ")),
                // A resumed transfer: 4 of 10 bytes were delivered, the source holds the rest.
                Arguments.of("EFGHij", 10L, 4, 4L, List.of("5-8/10 + EFGH", "9-10/10 $ ij")),
                Arguments.of("EFGHij", -1L, 4, 4L, List.of("5-8/* + EFGH", "9-10/10 $ ij")));
    }

    @ParameterizedTest(name = "{0} size {1} by {2} after {3}")
    @MethodSource("messages")
    void cutsMessagesIntoRangedChunks(String message, long size, int chunkSize, long sent, List<String> chunks)
            throws IOException {
        assertEquals(chunks, split(message, size, chunkSize, sent));
    }

    @Test
    void refusesASourceThatDisagreesWithItsSize() {
        assertEquals("message source ended at byte 6 of 8",
                assertThrows(EOFException.class, () -> split("abcdEF", 8, 4, 0)).getMessage());
        assertEquals("message source longer than its size 8",
                assertThrows(IOException.class, () -> split("abcdEFGHi", 8, 4, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> split("", 8, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> split("", 8, 4, 9));
    }
}
