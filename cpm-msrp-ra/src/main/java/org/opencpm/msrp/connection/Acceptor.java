package org.opencpm.msrp.connection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The listening socket of a connector: one thread accepts connections and hands each to its owner. */
public final class Acceptor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Acceptor.class.getName());
    private static final int BACKLOG = 128;
    private static final long CLOSE_WAIT_MILLIS = 5000;

    private final ServerSocket server;
    private Thread thread;

    private Acceptor(ServerSocket server) {
        this.server = server;
    }

    /**
     * Binds {@code host:port} (port 0: any free port) and starts accepting.
     *
     * @throws IOException if the address cannot be bound, e.g. the port is taken
     */
    public static Acceptor start(String host, int port, int socketBufferBytes, Consumer<Socket> onAccept)
            throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            if (socketBufferBytes > 0) {
                // Accepted sockets inherit it; it must be set before the handshake to bound the TCP window.
                server.setReceiveBufferSize(socketBufferBytes);
            }
            server.bind(new InetSocketAddress(host, port), BACKLOG);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        Acceptor acceptor = new Acceptor(server);
        acceptor.thread = new Thread(() -> acceptor.accept(onAccept), "msrp-accept-" + server.getLocalPort());
        acceptor.thread.setDaemon(true);
        acceptor.thread.start();
        return acceptor;
    }

    /** The port bound, the real one when 0 was asked for. */
    public int port() {
        return server.getLocalPort();
    }

    private void accept(Consumer<Socket> onAccept) {
        while (!server.isClosed()) {
            try {
                onAccept.accept(server.accept());
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(Level.WARNING, "MSRP accept failed", e);
                }
            }
        }
    }

    /**
     * Stops listening; connections already accepted are left to their owner. Returns once the accepting thread has
     * left {@code accept()}: the JDK defers the release of a socket closed while a thread is blocked on it, and the
     * port must be free when the connector says it has stopped (a redeployment binds it again at once).
     */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "MSRP listener close failed", e);
        }
        if (thread != Thread.currentThread()) {
            try {
                thread.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
