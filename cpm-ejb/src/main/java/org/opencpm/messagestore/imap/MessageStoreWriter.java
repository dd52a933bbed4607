package org.opencpm.messagestore.imap;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.opencpm.messagestore.accounts.JamesWebAdmin;

/**
 * Opens a user's folders in the message store for a server component, as OMA CPM SD 5.5.2.1 has every requestor
 * authenticate: the store's administrator authenticates with {@code AUTHENTICATE PLAIN} and the user as
 * authorization identity (RFC 4616), so what it writes is the user's, with the user's rights only. The user must
 * exist in the store first (asked over WebAdmin): James would otherwise let the administrator create folders for an
 * unknown user.
 * <p>
 * Thread-safe; each {@link UserStore} is one IMAP connection, for one thread at a time.
 */
public class MessageStoreWriter {

    private final MessageStoreImapSettings settings;
    private final JamesWebAdmin accounts;

    public MessageStoreWriter(MessageStoreImapSettings settings, JamesWebAdmin accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    /**
     * Connects as {@code user} ({@code user@domain}, as the store knows the account) and reads the default folder's
     * location.
     *
     * @throws UnknownStoreUserException when the store has no such account
     * @throws MessageStoreException     when the store is unreachable or refuses the administrator
     */
    public UserStore open(String user) throws MessageStoreException {
        if (!settings.configured()) {
            throw new MessageStoreException("no administrator password (" + MessageStoreImapSettings.ADMIN_PASSWORD
                    + "): the message store cannot be written");
        }
        try {
            if (!accounts.exists(user)) {
                throw new UnknownStoreUserException(user);
            }
        } catch (IOException e) {
            throw new MessageStoreException("the message store's WebAdmin did not answer: " + e.getMessage(), e);
        }
        Store store;
        try {
            store = session(user).getStore("imap");
        } catch (MessagingException e) {
            throw new IllegalStateException("Jakarta Mail has no IMAP provider", e);
        }
        try {
            store.connect(settings.host(), settings.port(), settings.administrator(), settings.administratorPassword());
        } catch (AuthenticationFailedException e) {
            throw new MessageStoreException("the message store refused " + settings.administrator() + " acting as "
                    + user + " (" + MessageStoreImapSettings.ADMIN + ", " + MessageStoreImapSettings.ADMIN_PASSWORD
                    + ")", e);
        } catch (MessagingException e) {
            throw new MessageStoreException("the message store at " + settings.host() + ":" + settings.port()
                    + " is unreachable: " + e.getMessage(), e);
        }
        try {
            return new UserStore(user, (IMAPStore) store);
        } catch (MessageStoreException | RuntimeException e) {
            UserStore.closeQuietly(store);
            throw e;
        }
    }

    /**
     * One session per user: the authorization identity is a session property. PLAIN only, as LOGIN cannot carry
     * an authorization identity and would open the administrator's own folders. The connection has TCP_NODELAY
     * ({@link NoDelaySocketFactory}).
     */
    Session session(String user) {
        String millis = Long.toString(settings.timeout().toMillis());
        Properties p = new Properties();
        p.setProperty("mail.imap.sasl.authorizationid", user);
        p.setProperty("mail.imap.auth.mechanisms", "PLAIN");
        p.setProperty("mail.imap.connectiontimeout", millis);
        p.setProperty("mail.imap.timeout", millis);
        p.put("mail.imap.socketFactory", NoDelaySocketFactory.INSTANCE);
        p.setProperty("mail.imap.socketFactory.fallback", "false");
        return Session.getInstance(p);
    }

    /**
     * Plain sockets with TCP_NODELAY. The store (James) advertises LITERAL+, so Jakarta Mail sends an APPEND as two
     * writes without waiting in between: the command line with {@code {n+}}, flushed, then the object and the CRLF.
     * With Nagle's algorithm on, the second write waits for the ACK of the first, which the store delays (about
     * 40 ms on Linux) as it has nothing to answer yet: every APPEND took about 40 ms more than the store needed
     * (docs/benchmarks.md, recording benchmark).
     */
    static final class NoDelaySocketFactory extends SocketFactory {

        static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

        @Override
        public Socket createSocket() throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port), null);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port), null);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
        }

        private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
            Socket socket = createSocket();
            try {
                if (local != null) {
                    socket.bind(local);
                }
                socket.connect(remote);
                return socket;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }
    }
}
