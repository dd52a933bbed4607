package org.opencpm.msrp.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencpm.msrp.api.ConnectRole;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.codec.EndFlag;
import org.opencpm.msrp.codec.FrameHandler;
import org.opencpm.msrp.codec.FrameParser;
import org.opencpm.msrp.codec.MsrpFrame;
import org.opencpm.msrp.codec.MsrpProtocolException;
import org.opencpm.msrp.codec.MsrpRequest;
import org.opencpm.msrp.codec.MsrpResponse;
import org.opencpm.msrp.codec.MsrpUri;

/**
 * An MSRP peer written by hand on a plain socket: it writes whatever text the test gives (LF becomes CRLF), well
 * formed or not, and records the frames that come back, so that tests see exactly what the connector answers.
 */
final class RawPeer implements AutoCloseable {

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    final MsrpUri uri;
    final BlockingQueue<MsrpFrame> frames = new LinkedBlockingQueue<>();
    private final Socket socket;
    private final OutputStream out;
    private final CountDownLatch ended = new CountDownLatch(1);

    private RawPeer(Socket socket, MsrpUri uri) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.uri = uri;
        Thread reader = new Thread(this::read, "raw-peer-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    /** A peer that connects to the connector at {@code port}. */
    static RawPeer connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        return new RawPeer(socket, MsrpUri.parse("msrp://127.0.0.1:" + socket.getLocalPort() + "/raw"
                + NUMBERS.incrementAndGet() + "x;tcp"));
    }

    /**
     * A peer listening on {@code server} that {@code active} connects to and binds with its empty SEND, which the
     * peer answers 200; returns once the session is bound, and whatever comes next is the test's.
     */
    static RawPeer serving(ServerSocket server, MsrpSession active) throws Exception {
        MsrpUri uri = MsrpUri.parse("msrp://127.0.0.1:" + server.getLocalPort() + "/served"
                + NUMBERS.incrementAndGet() + ";tcp");
        CompletableFuture<MsrpSession> bound = active.connect(List.of(uri), ConnectRole.ACTIVE).toCompletableFuture();
        RawPeer peer = new RawPeer(server.accept(), uri);
        peer.respond(peer.nextRequest(), 200);
        bound.get(30, TimeUnit.SECONDS);
        return peer;
    }

    void send(String text) throws IOException {
        out.write(text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A bodiless SEND from this peer to {@code to}. */
    void sendEmpty(String transactionId, MsrpUri to, String extraHeaders) throws IOException {
        send("MSRP " + transactionId + " SEND\nTo-Path: " + to + "\nFrom-Path: " + uri + "\nMessage-ID: m"
                + transactionId + "\n" + extraHeaders + "-------" + transactionId + "$\n");
    }

    /** A SEND with a text body. */
    void sendText(String transactionId, MsrpUri to, String messageId, String headers, String body, char flag)
            throws IOException {
        send("MSRP " + transactionId + " SEND\nTo-Path: " + to + "\nFrom-Path: " + uri + "\nMessage-ID: "
                + messageId + "\n" + headers + "Content-Type: text/plain\n\n" + body + "\n-------"
                + transactionId + flag + "\n");
    }

    /** Answers a request with {@code code}, one hop back (RFC 4975 sec 7.2). */
    void respond(MsrpRequest request, int code) throws IOException {
        send("MSRP " + request.transactionId() + " " + code + "\nTo-Path: " + request.headers().fromPath().get(0)
                + "\nFrom-Path: " + request.headers().toPath().get(0) + "\n-------" + request.transactionId() + "$\n");
    }

    MsrpRequest nextRequest() throws InterruptedException {
        return (MsrpRequest) next();
    }

    MsrpFrame next() throws InterruptedException {
        MsrpFrame f = frames.poll(30, TimeUnit.SECONDS);
        if (f == null) {
            throw new AssertionError("no frame within 30 s");
        }
        return f;
    }

    MsrpResponse nextResponse() throws InterruptedException {
        return (MsrpResponse) next();
    }

    /** Whether the connector closed the connection within 30 s. */
    boolean closedByConnector() throws InterruptedException {
        return ended.await(30, TimeUnit.SECONDS);
    }

    private void read() {
        FrameParser parser = new FrameParser(new FrameHandler() {
            @Override
            public void onFrame(MsrpFrame frame, boolean hasBody) {
                frames.add(frame);
            }

            @Override
            public void onBody(ByteBuffer piece) {
            }

            @Override
            public void onEnd(EndFlag flag) {
            }

            @Override
            public void onRejected(MsrpProtocolException reason) {
                throw reason;
            }
        });
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = socket.getInputStream().read(buffer)) >= 0) {
                parser.feed(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            // the connection is over either way
        }
        ended.countDown();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
