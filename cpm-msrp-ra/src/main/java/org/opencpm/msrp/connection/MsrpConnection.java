package org.opencpm.msrp.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpm.msrp.codec.FrameHandler;
import org.opencpm.msrp.codec.FrameParser;
import org.opencpm.msrp.codec.MsrpProtocolException;

/**
 * One TCP connection carrying MSRP: a reader thread that feeds what arrives to a {@link FrameParser}, so bodies
 * pass on in pieces of the read buffer, and a writer thread that writes queued frames whole, one after the other
 * (RFC 4975 sec 5.1: frames never interleave on a connection). Any side of the program may queue frames; the
 * connection closes once, whoever closes it, and tells its owner.
 */
public final class MsrpConnection {

    private static final Logger LOG = Logger.getLogger(MsrpConnection.class.getName());
    private static final AtomicLong NUMBERS = new AtomicLong();

    private final Socket socket;
    private final boolean opened;
    private final String name;
    private final ConnectionSettings settings;
    private final ConnectionEvents events;
    private final OutboundQueue queue;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MsrpConnection(Socket socket, boolean opened, ConnectionSettings settings, ConnectionEvents events) {
        this.socket = socket;
        this.opened = opened;
        this.settings = settings;
        this.events = events;
        this.queue = new OutboundQueue(settings.maxControlBacklog());
        this.name = "msrp-" + NUMBERS.incrementAndGet() + (opened ? "-to-" : "-from-")
                + socket.getRemoteSocketAddress();
    }

    /** Opens a connection to {@code host:port}, waiting at most the connect timeout. Call {@link #start()}. */
    public static MsrpConnection open(String host, int port, ConnectionSettings settings, ConnectionEvents events)
            throws IOException {
        Socket socket = new Socket();
        try {
            configure(socket, settings);
            socket.connect(new InetSocketAddress(host, port), settings.connectTimeoutMillis());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new MsrpConnection(socket, true, settings, events);
    }

    /** A connection a peer opened to this side's listener. Call {@link #start()}. */
    public static MsrpConnection accepted(Socket socket, ConnectionSettings settings, ConnectionEvents events)
            throws IOException {
        configure(socket, settings);
        return new MsrpConnection(socket, false, settings, events);
    }

    private static void configure(Socket socket, ConnectionSettings settings) throws IOException {
        if (settings.socketBufferBytes() > 0) {
            socket.setReceiveBufferSize(settings.socketBufferBytes());
            socket.setSendBufferSize(settings.socketBufferBytes());
        }
        // Chunks are written whole; responses are small and waiting for more data only delays them.
        socket.setTcpNoDelay(true);
    }

    /** Starts the reader and the writer. */
    public void start() {
        FrameHandler handler = events.handlerFor(this);
        Thread reader = new Thread(() -> read(handler), name + "-read");
        Thread writer = new Thread(this::write, name + "-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    /**
     * Queues a response or REPORT, ahead of data frames. A peer that lets more of them pile up than the bound is
     * not reading: the connection is closed.
     *
     * @return false if the connection is closed or has just been closed for that reason
     */
    public boolean sendControl(byte[] frame) {
        if (queue.offerControl(frame)) {
            return true;
        }
        if (isOpen()) {
            close("peer leaves more than " + settings.maxControlBacklog() + " responses unread");
        }
        return false;
    }

    /**
     * Queues a data frame; the callback hears whether it was written or dropped.
     *
     * @return false, without calling the callback, if the connection is closed or closing
     */
    public boolean sendData(byte[] frame, FrameCallback callback) {
        return queue.offerData(frame, callback);
    }

    /** Whether this side opened the connection (rather than accepted it). */
    public boolean isOpened() {
        return opened;
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /** Closes once what is queued has gone out; the caller bounds how long that may take with {@link #close}. */
    public void closeWhenFlushed() {
        queue.drain();
    }

    /** Closes now: queued data frames are dropped, the socket closed, the owner told. Idempotent. */
    public void close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (OutboundQueue.Entry dropped : queue.close()) {
            dropped.callback().dropped();
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, name + ": close failed", e);
        }
        LOG.fine(() -> name + " closed: " + reason);
        events.closed(this, reason);
    }

    private void read(FrameHandler handler) {
        FrameParser parser = new FrameParser(handler);
        byte[] buffer = new byte[settings.readBufferBytes()];
        String reason = "closed by the peer";
        try {
            InputStream in = socket.getInputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                parser.feed(buffer, 0, n);
            }
        } catch (MsrpProtocolException e) {
            reason = "unreadable MSRP: " + e.getMessage();
        } catch (IOException e) {
            reason = "read failed: " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + ": frame handling failed", e);
            reason = "frame handling failed: " + e;
        }
        close(reason);
    }

    private void write() {
        try {
            OutputStream out = socket.getOutputStream();
            OutboundQueue.Entry entry;
            while ((entry = queue.take()) != null) {
                try {
                    out.write(entry.bytes());
                } catch (IOException e) {
                    if (entry.callback() != null) {
                        entry.callback().dropped();
                    }
                    throw e;
                }
                if (entry.callback() != null) {
                    entry.callback().written();
                }
            }
            close("closed with no session left");
        } catch (IOException e) {
            close("write failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close("writer interrupted");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
