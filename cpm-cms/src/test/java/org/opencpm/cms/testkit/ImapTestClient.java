package org.opencpm.cms.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small IMAP4rev1 client on a plain socket, so tests see exactly what the server says: tagged commands, the lines
 * up to the tagged completion (literals read into the line that announced them), APPEND with a synchronising
 * literal, and IDLE. Not a general client; enough to check a store.
 */
public final class ImapTestClient implements AutoCloseable {

    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}$");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tag;

    public ImapTestClient(String host, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 5000);
        socket.setSoTimeout(20_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        String greeting = readLine();
        if (!greeting.startsWith("* OK")) {
            throw new IOException("no IMAP greeting: " + greeting);
        }
    }

    /** The response of one command: untagged lines and the tagged completion. */
    public record Response(List<String> untagged, String completion) {
        public boolean ok() {
            return completion.split(" ", 3)[1].equals("OK");
        }

        /** All lines, for assertion messages. */
        @Override
        public String toString() {
            return String.join("\n", untagged) + "\n" + completion;
        }
    }

    public Response command(String command) throws IOException {
        String t = nextTag();
        write(t + " " + command + "\r\n");
        return readResponse(t);
    }

    /** {@code LOGIN} with quoted arguments. */
    public Response login(String user, String password) throws IOException {
        return command("LOGIN " + quote(user) + " " + quote(password));
    }

    /**
     * {@code AUTHENTICATE PLAIN} with an initial response (RFC 4959): {@code authcid} proves who it is with
     * {@code password} and asks to act as {@code authzid} (empty: as itself).
     */
    public Response authenticatePlain(String authzid, String authcid, String password) throws IOException {
        String plain = authzid + '\0' + authcid + '\0' + password;
        return command("AUTHENTICATE PLAIN "
                + java.util.Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
    }

    /** APPENDs {@code message} (CRLF line ends) to {@code mailbox}. */
    public Response append(String mailbox, String flags, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        String t = nextTag();
        write(t + " APPEND " + quote(mailbox) + (flags == null ? "" : " (" + flags + ")") + " {" + bytes.length + "}\r\n");
        String line = readLine();
        if (!line.startsWith("+")) {
            throw new IOException("APPEND literal refused: " + line);
        }
        out.write(bytes);
        write("\r\n");
        return readResponse(t);
    }

    /** Starts IDLE: returns once the server said "+ idling". */
    public String idle() throws IOException {
        String t = nextTag();
        write(t + " IDLE\r\n");
        String line = readLine();
        if (!line.startsWith("+")) {
            throw new IOException("IDLE refused: " + line);
        }
        return t;
    }

    /** The next untagged line during IDLE, waiting up to {@code millis}. */
    public String readIdleLine(int millis) throws IOException {
        int before = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            return readLine();
        } finally {
            socket.setSoTimeout(before);
        }
    }

    /** Ends IDLE started under {@code idleTag}. */
    public Response done(String idleTag) throws IOException {
        write("DONE\r\n");
        return readResponse(idleTag);
    }

    @Override
    public void close() throws IOException {
        try {
            if (!socket.isClosed()) {
                command("LOGOUT");
            }
        } catch (IOException ignored) {
            // the server may have gone
        } finally {
            socket.close();
        }
    }

    public static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private String nextTag() {
        return "t" + (++tag);
    }

    private Response readResponse(String t) throws IOException {
        List<String> untagged = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line.startsWith(t + " ")) {
                return new Response(untagged, line);
            }
            untagged.add(line);
        }
    }

    /** One response line, with any literals it announces read into it. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(rawLine());
        Matcher m = LITERAL.matcher(line);
        while (m.find()) {
            int size = Integer.parseInt(m.group(1));
            byte[] literal = in.readNBytes(size);
            if (literal.length < size) {
                throw new IOException("connection closed inside a literal");
            }
            line.append("\r\n").append(new String(literal, StandardCharsets.UTF_8)).append(rawLine());
            m = LITERAL.matcher(line);
        }
        return line.toString();
    }

    private String rawLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        if (c == -1 && b.size() == 0) {
            throw new IOException("connection closed by the server");
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
