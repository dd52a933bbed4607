package org.opencpm.msrp.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.ConnectRole;
import org.opencpm.msrp.api.IncomingMessage;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.api.SessionOptions;
import org.opencpm.msrp.chunk.ChunkSink;
import org.opencpm.msrp.chunk.FileChannelSink;
import org.opencpm.msrp.chunk.MemorySink;
import org.opencpm.msrp.sdp.AnswerPolicy;
import org.opencpm.msrp.sdp.Direction;
import org.opencpm.msrp.sdp.MsrpAnswerer;
import org.opencpm.msrp.sdp.MsrpMedia;
import org.opencpm.msrp.sdp.SdpConnection;
import org.opencpm.msrp.sdp.SdpOrigin;
import org.opencpm.msrp.sdp.SessionDescription;
import org.opencpm.msrp.sdp.Setup;
import org.opencpm.msrp.stack.EmbeddedMsrpStack;

/**
 * A client's MSRP side in tests: one session on a stack of its own (real TCP), recording what arrives; it writes
 * and answers SDP as a CPM client does.
 */
public final class MsrpPeer implements MsrpSessionListener, AutoCloseable {

    public record Received(String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Largest message kept in memory. */
    public static final int CAPACITY = 16 << 20;

    public final EmbeddedMsrpStack stack;
    public final MsrpSession session;
    public final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    public final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    /** The bytes from the start a message had when it was cut off, one entry per message cut off. */
    public final BlockingQueue<Long> aborted = new LinkedBlockingQueue<>();
    /** The messages that began arriving, in order (their Message-ID and first Byte-Range). */
    public final BlockingQueue<IncomingMessage> started = new LinkedBlockingQueue<>();
    private final Map<String, MemorySink> sinks = new ConcurrentHashMap<>();
    private MsrpMedia offered;
    private volatile FileTarget fileTarget;
    private FileChannel channel;

    /** Where messages go instead of memory: a file that already holds {@code present} bytes (RFC 5547 sec 9). */
    private record FileTarget(Path file, long present) {
    }

    public MsrpPeer() throws Exception {
        stack = EmbeddedMsrpStack.start();
        session = stack.createSession(SessionOptions.of(this));
    }

    /** An offer as a CPM client writes it (protocol-facts 5). */
    public String offer(Direction direction, Setup setup, String... extraAttributes) {
        StringBuilder sdp = new StringBuilder("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=message " + session.localUri().effectivePort() + " TCP/MSRP *\r\n"
                + "a=accept-types:message/cpim application/im-iscomposing+xml text/plain\r\n"
                + "a=accept-wrapped-types:text/plain message/imdn+xml\r\n"
                + "a=path:" + session.localUri() + "\r\n" + "a=setup:" + setup.token() + "\r\n"
                + "a=" + direction.token() + "\r\n");
        for (String a : extraAttributes) {
            sdp.append("a=").append(a).append("\r\n");
        }
        offered = SessionDescription.parse(sdp.toString()).msrpMedia().get(0);
        return sdp.toString();
    }

    /** The offer's answer arrived: this side knows its peer and, if it opens, connects. */
    public void answered(byte[] answerSdp) {
        MsrpMedia answer = SessionDescription.parse(answerSdp).msrpMedia().get(0);
        ConnectRole role = ConnectRole.of(Setup.opener(offered.setup(), answer.setup()), true).orElseThrow();
        session.setRemote(answer.path(), role);
        session.connect();
    }

    /** Answers an offer the way a client does, taking what it offers; connects when it is this side's turn. */
    public byte[] answer(byte[] offerSdp, Setup whenActpass) {
        SessionDescription offer = SessionDescription.parse(offerSdp);
        SessionDescription answer = MsrpAnswerer.answer(offer, SdpOrigin.of("-", "2", "1", "127.0.0.1"),
                SdpConnection.of("127.0.0.1"), session.localUri(), new AnswerPolicy(List.of("*"), List.of("*"), -1,
                        whenActpass, Direction.SENDRECV, List.of("file-selector", "file-transfer-id", "file-range")));
        MsrpMedia o = offer.msrpMedia().get(0);
        MsrpMedia a = answer.msrpMedia().get(0);
        session.setRemote(o.path(), ConnectRole.of(Setup.opener(o.setup(), a.setup()), false).orElseThrow());
        session.connect();
        return answer.toBytes();
    }

    /**
     * Writes the next messages into {@code file}, which holds the first {@code present} bytes already: a resumed
     * transfer continues it at the Byte-Range offsets. {@link #received} gets an entry with an empty body when one
     * is complete.
     */
    public MsrpPeer receiveInto(Path file, long present) {
        fileTarget = new FileTarget(file, present);
        return this;
    }

    public Received next() throws InterruptedException {
        return received.poll(10, TimeUnit.SECONDS);
    }

    @Override
    public ChunkSink onMessage(MsrpSession s, IncomingMessage message) {
        started.add(message);
        FileTarget target = fileTarget;
        if (target != null) {
            try {
                channel = FileChannel.open(target.file(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                return FileChannelSink.resuming(channel, target.present());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        MemorySink sink = new MemorySink((int) Math.min(CAPACITY, message.declaredSize().orElse(CAPACITY)));
        sinks.put(message.messageId(), sink);
        return sink;
    }

    @Override
    public void onMessageReceived(MsrpSession s, IncomingMessage message, long size) {
        MemorySink sink = sinks.remove(message.messageId());
        if (sink == null) {
            closeChannel();
            received.add(new Received(message.contentType(), new byte[0]));
        } else {
            received.add(new Received(message.contentType(), sink.toByteArray(size)));
        }
    }

    @Override
    public void onMessageAborted(MsrpSession s, IncomingMessage message, long contiguousBytes) {
        sinks.remove(message.messageId());
        closeChannel();
        aborted.add(contiguousBytes);
    }

    private void closeChannel() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onClosed(MsrpSession s, CloseReason reason) {
        closed.complete(reason);
    }

    @Override
    public void close() {
        stack.close();
    }
}
