package org.opencpm.msrp.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencpm.msrp.api.DeliveryResult;
import org.opencpm.msrp.api.IncomingMessage;
import org.opencpm.msrp.api.MessageDelivery;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.api.OutgoingMessage;
import org.opencpm.msrp.api.SessionOptions;
import org.opencpm.msrp.chunk.ChunkSink;
import org.opencpm.msrp.chunk.FileChannelSink;
import org.opencpm.msrp.codec.SuccessReport;
import org.opencpm.msrp.stack.Hops.Opener;

/**
 * A file transfer cut off half-way and resumed in a second session (RFC 5547 sec 9): the sender continues under
 * the same Message-ID from the byte after those the receiver kept, and the receiver writes into the same file at
 * the Byte-Range offsets. The file ends up byte for byte, and the second session reports the message whole.
 */
class ResumeTest {

    static final Payload FILE = new Payload(1024L * 1024 + 77, 41);
    /** Where the first transfer's source fails: within a chunk, not on a chunk boundary. */
    static final long CUT = 300_001;

    /** Writes each message into {@code file}, continuing the bytes said to be there, and notes how it ends. */
    private static final class FileReceiver implements MsrpSessionListener {
        final Path file;
        final long present;
        final BlockingQueue<Long> aborted = new LinkedBlockingQueue<>();
        final BlockingQueue<Long> received = new LinkedBlockingQueue<>();
        final BlockingQueue<IncomingMessage> started = new LinkedBlockingQueue<>();
        FileChannel channel;

        FileReceiver(Path file, long present) {
            this.file = file;
            this.present = present;
        }

        @Override
        public ChunkSink onMessage(MsrpSession session, IncomingMessage message) {
            started.add(message);
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                return FileChannelSink.resuming(channel, present);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onMessageReceived(MsrpSession session, IncomingMessage message, long size) {
            closeChannel();
            received.add(size);
        }

        @Override
        public void onMessageAborted(MsrpSession session, IncomingMessage message, long contiguousBytes) {
            closeChannel();
            aborted.add(contiguousBytes);
        }

        private void closeChannel() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The file's bytes, failing once {@code cut} of them have been read. */
    private static InputStream failingAfter(long cut) {
        return new FilterInputStream(FILE.stream()) {
            private long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read >= cut) {
                    throw new IOException("disk gone");
                }
                int n = super.read(b, off, (int) Math.min(len, cut - read));
                read += Math.max(n, 0);
                return n;
            }
        };
    }

    @Test
    void aTransferCutOffIsResumedInANewSessionIntoTheSameFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("received.bin");
        try (EmbeddedMsrpStack x = EmbeddedMsrpStack.start(); EmbeddedMsrpStack y = EmbeddedMsrpStack.start()) {
            FileReceiver firstReceiver = new FileReceiver(file, 0);
            MsrpSession first = x.createSession(SessionOptions.of(new Recorder()));
            Hops.connect(first, y.createSession(SessionOptions.of(firstReceiver)), Opener.LEFT);
            OutgoingMessage cutOff = OutgoingMessage.builder("application/octet-stream", failingAfter(CUT), FILE.size)
                    .build();
            assertThrows(IOException.class, () -> first.send(cutOff));
            long kept = Recorder.next(firstReceiver.aborted);
            String messageId = Recorder.next(firstReceiver.started).messageId();
            first.close();
            // What the sender got out before its source failed, up to the last whole chunk.
            assertTrue(kept > 0 && kept <= CUT, Long.toString(kept));

            // RFC 5547 sec 9: the new session continues from the byte after those the receiver kept.
            FileReceiver secondReceiver = new FileReceiver(file, kept);
            MsrpSession second = x.createSession(SessionOptions.of(new Recorder()));
            Hops.connect(second, y.createSession(SessionOptions.of(secondReceiver)), Opener.LEFT);
            InputStream rest = FILE.stream();
            rest.skipNBytes(kept);
            MessageDelivery d = second.send(OutgoingMessage.builder("application/octet-stream", rest, FILE.size)
                    .resume(messageId, kept).successReport(SuccessReport.YES).build());
            DeliveryResult result = d.result().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertTrue(result.isSuccess(), result.toString());

            assertEquals(FILE.size, (long) Recorder.next(secondReceiver.received));
            IncomingMessage resumed = Recorder.next(secondReceiver.started);
            assertEquals(messageId, resumed.messageId());
            assertEquals(kept + 1, resumed.headers().byteRange().orElseThrow().start());
            assertEquals(FILE.digest(), sha256(file));
            second.close();
            Hops.awaitNothingOpen(x, y);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md = Payload.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
