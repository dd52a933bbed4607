package org.opencpm.msrp.stack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.IncomingMessage;
import org.opencpm.msrp.api.MessageRefusedException;
import org.opencpm.msrp.api.MsrpReport;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.chunk.ChunkSink;
import org.opencpm.msrp.codec.MsrpStatus;

/** A listener that keeps what it hears, digests message bodies, and can refuse messages or hold its sinks shut. */
final class Recorder implements MsrpSessionListener {

    /** A message received whole: its id, size and digest. */
    record Received(String messageId, String contentType, long size, String digest) {
    }

    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final BlockingQueue<Long> aborted = new LinkedBlockingQueue<>();
    final BlockingQueue<MsrpReport> reports = new LinkedBlockingQueue<>();
    final BlockingQueue<CloseReason> closed = new LinkedBlockingQueue<>();
    final List<MsrpSession> connected = new CopyOnWriteArrayList<>();
    final Map<String, DigestSink> sinks = new ConcurrentHashMap<>();
    volatile CountDownLatch gate = new CountDownLatch(0);
    volatile MsrpStatus refuseWith;

    @Override
    public ChunkSink onMessage(MsrpSession session, IncomingMessage message) throws MessageRefusedException {
        if (refuseWith != null) {
            throw new MessageRefusedException(refuseWith, "refused by the test");
        }
        DigestSink sink = new DigestSink(gate);
        sinks.put(message.messageId(), sink);
        return sink;
    }

    @Override
    public void onMessageReceived(MsrpSession session, IncomingMessage message, long size) {
        received.add(new Received(message.messageId(), message.contentType(), size,
                sinks.get(message.messageId()).digest()));
    }

    @Override
    public void onMessageAborted(MsrpSession session, IncomingMessage message, long contiguousBytes) {
        aborted.add(contiguousBytes);
    }

    @Override
    public void onReport(MsrpSession session, MsrpReport report) {
        reports.add(report);
    }

    @Override
    public void onConnected(MsrpSession session) {
        connected.add(session);
    }

    @Override
    public void onClosed(MsrpSession session, CloseReason reason) {
        closed.add(reason);
    }

    /** Bytes the sinks took so far. */
    long bytesIn() {
        return sinks.values().stream().mapToLong(DigestSink::written).sum();
    }

    static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T t = queue.poll(30, TimeUnit.SECONDS);
        if (t == null) {
            throw new AssertionError("nothing came within 30 s");
        }
        return t;
    }
}
