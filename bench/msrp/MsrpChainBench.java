import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.Logger;
import javax.sip.message.Request;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.ConnectRole;
import org.opencpm.msrp.api.DeliveryResult;
import org.opencpm.msrp.api.IncomingMessage;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.api.OutgoingMessage;
import org.opencpm.msrp.api.SessionOptions;
import org.opencpm.msrp.chunk.ChunkSink;
import org.opencpm.msrp.sdp.AnswerPolicy;
import org.opencpm.msrp.sdp.Direction;
import org.opencpm.msrp.sdp.MsrpAnswerer;
import org.opencpm.msrp.sdp.MsrpMedia;
import org.opencpm.msrp.sdp.SdpConnection;
import org.opencpm.msrp.sdp.SdpOrigin;
import org.opencpm.msrp.sdp.SessionDescription;
import org.opencpm.msrp.sdp.Setup;
import org.opencpm.msrp.stack.EmbeddedMsrpStack;
import org.opencpm.sip.testkit.Answer;
import org.opencpm.sip.testkit.InviteOptions;
import org.opencpm.sip.testkit.SipCall;
import org.opencpm.sip.testkit.SipTestAgent;

/**
 * Throughput of one large message (OMA CPM SD 5.2.2.1.5) over the four MSRP hops client A - PF A - CF - PF B -
 * client B of a running OpenCPM, beside the same bytes over a plain loopback TCP socket and over one direct MSRP
 * hop, all timed the same way: from just before the sender hands over its first byte to the moment the receiver
 * has taken in the last one (one clock, this JVM). The receiver hashes what arrives (SHA-256) as it streams in and
 * compares it with the hash of the generated content; nothing holds the message whole. While the chain relays,
 * {@code jstat -gc} samples the server JVM's heap. Run by bench/msrp-chain.sh; arguments are key=value.
 */
public final class MsrpChainBench {

    private static final String LARGE = "urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.largemsg";
    private static final int IO_BUFFER = 16 * 1024; // as the MSRP connection's read buffer

    private final Map<String, String> args;
    private final long payload;
    private final byte[] prefix;
    private final long total;
    private final byte[] expected;
    private final PrintStream out;
    private final Path outDir;
    private final List<String> csv = new ArrayList<>();

    private MsrpChainBench(Map<String, String> args) throws Exception {
        this.args = args;
        this.payload = Long.parseLong(arg("size"));
        this.outDir = Path.of(arg("out"));
        this.out = System.out;
        String group = arg("group");
        this.prefix = ("From: <sip:alice@" + arg("domain") + ">\r\nTo: <" + group + ">\r\n"
                + "DateTime: 2026-11-21T12:00:00Z\r\n\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + payload + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        this.total = prefix.length + payload;
        long t = System.nanoTime();
        this.expected = digest(content());
        out.printf(Locale.ROOT, "content: %d bytes (CPIM headers %d + payload %d), SHA-256 %s (hashed in %.2f s)%n",
                total, prefix.length, payload, HexFormat.of().formatHex(expected), (System.nanoTime() - t) / 1e9);
    }

    private String arg(String key) {
        String v = args.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing argument " + key + "=...");
        }
        return v;
    }

    public static void main(String[] argv) throws Exception {
        Logger.getLogger("").setLevel(Level.WARNING);
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        new MsrpChainBench(args).run();
        System.exit(0); // the SIP stacks' threads are not all daemons
    }

    // ------------------------------------------------------------------ the content: headers + pseudo-random bytes

    /** The message: CPIM headers, then {@code payload} bytes of xorshift64* output, the same on every call. */
    private InputStream content() {
        return new InputStream() {
            private final byte[] block = new byte[64 * 1024];
            private long state = 0x9E3779B97F4A7C15L;
            private long position; // in the whole message
            private int blockPos = block.length;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= total) {
                    return -1;
                }
                if (position < prefix.length) {
                    int n = (int) Math.min(len, prefix.length - position);
                    System.arraycopy(prefix, (int) position, b, off, n);
                    position += n;
                    return n;
                }
                if (blockPos == block.length) {
                    ByteBuffer bb = ByteBuffer.wrap(block);
                    while (bb.hasRemaining()) {
                        state ^= state >>> 12;
                        state ^= state << 25;
                        state ^= state >>> 27;
                        bb.putLong(state * 0x2545F4914F6CDD1DL);
                    }
                    blockPos = 0;
                }
                int n = (int) Math.min(Math.min(len, block.length - blockPos), total - position);
                System.arraycopy(block, blockPos, b, off, n);
                blockPos += n;
                position += n;
                return n;
            }
        };
    }

    private static byte[] digest(InputStream in) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[IO_BUFFER];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return md.digest();
    }

    // ------------------------------------------------------------------ the receiving end, the same for every mode

    /** Hashes bytes as they come, in order; notes the moment the last one came. */
    private final class HashingReceiver {
        final MessageDigest md;
        long received;
        volatile long lastByteNanos;
        /** When half the bytes had come: the two halves' times show a transfer slowing down as it goes. */
        volatile long halfNanos;
        final CompletableFuture<Long> done = new CompletableFuture<>();

        HashingReceiver() throws Exception {
            md = MessageDigest.getInstance("SHA-256");
        }

        void take(ByteBuffer data) {
            received += data.remaining();
            md.update(data);
            if (halfNanos == 0 && received >= total / 2) {
                halfNanos = System.nanoTime();
            }
            if (received == total) {
                lastByteNanos = System.nanoTime();
            }
        }

        void take(byte[] b, int n) {
            received += n;
            md.update(b, 0, n);
            if (halfNanos == 0 && received >= total / 2) {
                halfNanos = System.nanoTime();
            }
            if (received == total) {
                lastByteNanos = System.nanoTime();
            }
        }

        /** Completes with the time of the last byte, or fails when the content is not what was sent. */
        void finish() {
            byte[] got = md.digest();
            if (received != total || !MessageDigest.isEqual(got, expected)) {
                done.completeExceptionally(new IllegalStateException("received " + received + " of " + total
                        + " bytes, SHA-256 " + HexFormat.of().formatHex(got) + ": not what was sent"));
            } else {
                done.complete(lastByteNanos);
            }
        }

        long await() throws Exception {
            return done.get(Long.parseLong(args.getOrDefault("timeout", "600")), TimeUnit.SECONDS);
        }
    }

    /** An MSRP listener whose message goes through a {@link HashingReceiver}; chunks must come in order. */
    private final class MsrpReceiver implements MsrpSessionListener {
        final HashingReceiver hash;
        final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        final CompletableFuture<MsrpSession> connected = new CompletableFuture<>();

        MsrpReceiver() throws Exception {
            hash = new HashingReceiver();
        }

        @Override
        public ChunkSink onMessage(MsrpSession s, IncomingMessage message) {
            return (offset, data) -> {
                if (offset != hash.received) {
                    throw new IOException("chunk at " + offset + " while " + hash.received + " bytes had come");
                }
                hash.take(data);
            };
        }

        @Override
        public void onMessageReceived(MsrpSession s, IncomingMessage message, long size) {
            hash.finish();
        }

        @Override
        public void onMessageAborted(MsrpSession s, IncomingMessage message, long contiguousBytes) {
            hash.done.completeExceptionally(new IllegalStateException("message aborted after " + contiguousBytes));
        }

        @Override
        public void onConnected(MsrpSession s) {
            connected.complete(s);
        }

        @Override
        public void onClosed(MsrpSession s, CloseReason reason) {
            closed.complete(reason);
            hash.done.completeExceptionally(new IllegalStateException("session closed: " + reason));
        }
    }

    /** A sender's listener: only the closing matters. */
    private static final class SenderListener implements MsrpSessionListener {
        final CompletableFuture<CloseReason> closed = new CompletableFuture<>();

        @Override
        public ChunkSink onMessage(MsrpSession s, IncomingMessage message) {
            return (offset, data) -> data.position(data.limit());
        }

        @Override
        public void onClosed(MsrpSession s, CloseReason reason) {
            closed.complete(reason);
        }
    }

    /** One transfer: its first and last byte on this JVM's nanosecond clock, and when it began by the wall clock. */
    private record Run(long t0, long t1, long half, long wallStartMillis, long[] cpuAtStart, long[] cpuAtEnd) {
        /** Made right after the last byte came; {@code cpuAtStart} read just before the first was sent. */
        Run(long t0, HashingReceiver rx, long[] cpuAtStart) throws Exception {
            this(t0, rx.await(), rx.halfNanos, System.currentTimeMillis() - (System.nanoTime() - t0) / 1_000_000,
                    cpuAtStart, cpu());
        }

        /** The second half's time over the first's. */
        double halves() {
            return (double) (t1 - half) / (half - t0);
        }

        double seconds() {
            return (t1 - t0) / 1e9;
        }

        long wallEndMillis() {
            return wallStartMillis + (t1 - t0) / 1_000_000;
        }
    }

    // ------------------------------------------------------------------ mode 1: plain loopback TCP

    private Run rawTcp() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HashingReceiver rx = new HashingReceiver();
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            try (Socket tx = new Socket()) {
                tx.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
                Socket in = accepted.get(10, TimeUnit.SECONDS);
                Thread reader = new Thread(() -> {
                    try (in; InputStream s = in.getInputStream()) {
                        byte[] buf = new byte[IO_BUFFER];
                        for (int n; (n = s.read(buf)) > 0; ) {
                            rx.take(buf, n);
                        }
                        rx.finish();
                    } catch (Exception e) {
                        rx.done.completeExceptionally(e);
                    }
                }, "raw-reader");
                reader.start();
                InputStream src = content();
                byte[] buf = new byte[IO_BUFFER];
                OutputStream os = tx.getOutputStream();
                long[] cpu0 = cpu();
                long t0 = System.nanoTime();
                for (int n; (n = src.read(buf)) > 0; ) {
                    os.write(buf, 0, n);
                }
                tx.shutdownOutput();
                return new Run(t0, rx, cpu0);
            }
        }
    }

    // ------------------------------------------------------------------ mode 2: one direct MSRP hop

    private Run msrpDirect(EmbeddedMsrpStack aStack, EmbeddedMsrpStack bStack) throws Exception {
        MsrpReceiver rx = new MsrpReceiver();
        SenderListener txl = new SenderListener();
        MsrpSession b = bStack.createSession(SessionOptions.of(rx));
        MsrpSession a = aStack.createSession(SessionOptions.of(txl));
        try {
            b.setRemote(a.localPath(), ConnectRole.PASSIVE);
            b.connect();
            a.setRemote(b.localPath(), ConnectRole.ACTIVE);
            a.connect().toCompletableFuture().get(10, TimeUnit.SECONDS);
            long[] cpu0 = cpu();
            long t0 = System.nanoTime();
            DeliveryResult sent = a.send(OutgoingMessage.builder("message/cpim", content(), total).build()).result()
                    .toCompletableFuture().get(Long.parseLong(args.getOrDefault("timeout", "600")), TimeUnit.SECONDS);
            Run run = new Run(t0, rx.hash, cpu0);
            if (!sent.isSuccess()) {
                throw new IllegalStateException("direct MSRP send: " + sent);
            }
            return run;
        } finally {
            a.close();
            b.close();
        }
    }

    // ------------------------------------------------------------------ mode 3: the 4-hop chain through OpenCPM

    private final class Chain implements AutoCloseable {
        final String domain = arg("domain");
        final String group = arg("group");
        final int sipPort = Integer.parseInt(arg("sip-port"));
        final SipTestAgent alice;
        final SipTestAgent bob;
        final EmbeddedMsrpStack aliceMedia;
        final EmbeddedMsrpStack bobMedia;
        volatile MsrpReceiver bobRx;

        Chain() throws Exception {
            aliceMedia = EmbeddedMsrpStack.start();
            bobMedia = EmbeddedMsrpStack.start();
            alice = SipTestAgent.tcp("alice").as("alice", domain, "alice-password", "127.0.0.1", sipPort);
            bob = SipTestAgent.tcp("bob").as("bob", domain, "bob-password", "127.0.0.1", sipPort);
            bob.onInvite(r -> {
                try {
                    MsrpReceiver rx = new MsrpReceiver();
                    MsrpSession s = bobMedia.createSession(SessionOptions.of(rx));
                    bobRx = rx;
                    return Answer.ok("application/sdp", answer(s, r.getRawContent()));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            int status = bob.register(3600, null).getStatusCode();
            if (status != 200) {
                throw new IllegalStateException("REGISTER of bob: " + status);
            }
            out.println("chain: bob's device registered (" + bob.contactUri() + "), MSRP on 127.0.0.1:"
                    + bobMedia.port() + "; alice's MSRP on 127.0.0.1:" + aliceMedia.port());
        }

        /** As a CPM client answers (MsrpPeer.answer): takes what is offered, passive when the offer is actpass. */
        private byte[] answer(MsrpSession session, byte[] offerSdp) {
            SessionDescription offer = SessionDescription.parse(offerSdp);
            SessionDescription answer = MsrpAnswerer.answer(offer, SdpOrigin.of("-", "2", "1", "127.0.0.1"),
                    SdpConnection.of("127.0.0.1"), session.localUri(), new AnswerPolicy(List.of("*"), List.of("*"),
                            -1, Setup.PASSIVE, Direction.SENDRECV, List.of("file-selector", "file-transfer-id")));
            MsrpMedia o = offer.msrpMedia().get(0);
            MsrpMedia a = answer.msrpMedia().get(0);
            session.setRemote(o.path(), ConnectRole.of(Setup.opener(o.setup(), a.setup()), false).orElseThrow());
            session.connect();
            return answer.toBytes();
        }

        /**
         * As a CPM client offers a large message (MsrpPeer.offer): send-only, this side opening, its size in
         * {@code a=max-size} (as the PF's own LargeMessageSender writes it), which the PF checks against
         * {@code opencpm.pf.large-message.max-size}.
         */
        private String offer(MsrpSession session) {
            return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=message " + session.localUri().effectivePort() + " TCP/MSRP *\r\n"
                    + "a=accept-types:message/cpim application/im-iscomposing+xml text/plain\r\n"
                    + "a=accept-wrapped-types:text/plain message/imdn+xml\r\n"
                    + "a=path:" + session.localUri() + "\r\na=setup:active\r\na=sendonly\r\n"
                    + "a=max-size:" + total + "\r\n";
        }

        /** One large message to the group: INVITE, the message, BYE; nothing may stay open at the server. */
        Run transfer(String label) throws Exception {
            SenderListener txl = new SenderListener();
            MsrpSession a = aliceMedia.createSession(SessionOptions.of(txl));
            String sdp = offer(a);
            MsrpMedia offered = SessionDescription.parse(sdp).msrpMedia().get(0);
            long inviteAt = System.nanoTime();
            SipCall call = alice.invite(group, InviteOptions.create()
                    .body("application/sdp", sdp.getBytes(StandardCharsets.UTF_8))
                    .header("Accept-Contact", "*;+g.3gpp.icsi-ref=\"" + LARGE + "\""));
            if (call.status() != 200) {
                a.close();
                throw new IllegalStateException("INVITE to " + group + ": " + call.status());
            }
            MsrpMedia answer = SessionDescription.parse(call.body()).msrpMedia().get(0);
            a.setRemote(answer.path(), ConnectRole.of(Setup.opener(offered.setup(), answer.setup()), true)
                    .orElseThrow());
            a.connect().toCompletableFuture().get(10, TimeUnit.SECONDS);
            long readyAt = System.nanoTime();
            SipCall atBob = bob.awaitCall(10, TimeUnit.SECONDS);
            MsrpReceiver rx = bobRx;
            if (atBob == null || rx == null) {
                throw new IllegalStateException("bob's device was not invited");
            }
            long[] cpu0 = cpu();
            long t0 = System.nanoTime();
            DeliveryResult sent = a.send(OutgoingMessage.builder("message/cpim", content(), total).build()).result()
                    .toCompletableFuture().get(Long.parseLong(args.getOrDefault("timeout", "600")), TimeUnit.SECONDS);
            Run run = new Run(t0, rx.hash, cpu0);
            if (!sent.isSuccess()) {
                throw new IllegalStateException("alice's send: " + sent);
            }
            int bye = call.bye().getStatusCode(); // the sender closes after the last chunk
            a.close();
            if (bye != 200 || atBob.awaitRequest(Request.BYE, 30, TimeUnit.SECONDS) == null) {
                throw new IllegalStateException("BYE: " + bye + ", or it did not reach bob");
            }
            rx.closed.get(30, TimeUnit.SECONDS);
            String health = awaitNoMsrpLeft();
            out.printf(Locale.ROOT, "  %s: INVITE to 200 and alice connected %.1f ms; after BYE the server's MSRP: %s%n",
                    label, (readyAt - inviteAt) / 1e6, health);
            return run;
        }

        @Override
        public void close() throws Exception {
            try {
                bob.unregisterAll();
            } finally {
                alice.close();
                bob.close();
                aliceMedia.close();
                bobMedia.close();
            }
        }
    }

    private String awaitNoMsrpLeft() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + arg("http-port") + "/api/health"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:opencpm-admin".getBytes(StandardCharsets.UTF_8))).build();
        String body = "";
        for (int i = 0; i < 300; i++) {
            body = http.send(get, HttpResponse.BodyHandlers.ofString()).body();
            int at = body.indexOf("\"msrp\"");
            String msrp = at < 0 ? body : body.substring(at, body.indexOf('}', at) + 1);
            if (msrp.contains("\"sessions\":0") && msrp.contains("\"connections\":0")) {
                return msrp;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("MSRP sessions or connections left on the server: " + body);
    }

    // ------------------------------------------------------------------ the server JVM: heap (jstat) and CPU (/proc)

    private record Sample(long nanos, double usedKb, double committedKb, double oldKb, long ygc, long fgc,
                          long cgc) {
    }

    /** {@code jstat -gc <pid> <ms>} read line by line, each sample stamped with this JVM's clock. */
    private static final class HeapSampler implements AutoCloseable {
        final List<Sample> samples = new CopyOnWriteArrayList<>();
        final Process process;
        volatile boolean closing;

        HeapSampler(long pid, int intervalMs) throws IOException {
            Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
            Path jstat = java.resolveSibling("jstat");
            process = new ProcessBuilder(Files.isExecutable(jstat) ? jstat.toString() : "jstat", "-gc",
                    Long.toString(pid), Integer.toString(intervalMs)).redirectErrorStream(true).start();
            Thread t = new Thread(this::read, "jstat-reader");
            t.setDaemon(true);
            t.start();
        }

        private void read() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.US_ASCII))) {
                List<String> header = null;
                for (String line; (line = r.readLine()) != null; ) {
                    long now = System.nanoTime();
                    List<String> f = List.of(line.trim().split("\\s+"));
                    if (f.contains("EU")) {
                        header = f;
                        continue;
                    }
                    if (header == null || f.size() != header.size()) {
                        continue;
                    }
                    double used = 0;
                    double committed = 0;
                    for (String c : List.of("S0U", "S1U", "EU", "OU")) {
                        used += Double.parseDouble(f.get(header.indexOf(c)));
                    }
                    for (String c : List.of("S0C", "S1C", "EC", "OC")) {
                        committed += Double.parseDouble(f.get(header.indexOf(c)));
                    }
                    int cgc = header.indexOf("CGC");
                    samples.add(new Sample(now, used, committed, Double.parseDouble(f.get(header.indexOf("OU"))),
                            Long.parseLong(f.get(header.indexOf("YGC"))), Long.parseLong(f.get(header.indexOf("FGC"))),
                            cgc < 0 || "-".equals(f.get(cgc)) ? 0 : Long.parseLong(f.get(cgc))));
                }
            } catch (IOException | RuntimeException e) {
                if (!closing) {
                    System.err.println("jstat: " + e);
                }
            }
        }

        @Override
        public void close() {
            closing = true;
            process.destroy();
        }
    }

    /** One collection in the server's GC log: when it ended, the heap before and after it, its pause. */
    private record Collection(long wallMillis, String kind, long beforeMib, long afterMib, long committedMib,
                              double pauseMs) {
    }

    private static final Pattern GC_LINE = Pattern.compile(
            "^\\[([^\\]]+)\\].*GC\\(\\d+\\) (Pause .*?) (\\d+)M->(\\d+)M\\((\\d+)M\\) ([0-9.]+)ms$");
    private static final DateTimeFormatter GC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /**
     * The collections WildFly's GC log (standalone.sh with {@code GC_LOG=true}: {@code -Xlog:gc*} with the
     * {@code time} decoration) recorded, from the current file and the rotated ones.
     */
    private static List<Collection> collections(Path gcLog) throws IOException {
        List<Collection> all = new ArrayList<>();
        if (gcLog == null || !Files.isDirectory(gcLog.getParent())) {
            return all;
        }
        try (var files = Files.list(gcLog.getParent())) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(gcLog.getFileName().toString()))
                    .toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.ISO_8859_1)) {
                    Matcher m = GC_LINE.matcher(line);
                    if (m.find()) {
                        all.add(new Collection(OffsetDateTime.parse(m.group(1), GC_TIME).toInstant().toEpochMilli(),
                                m.group(2).trim(), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)),
                                Long.parseLong(m.group(5)), Double.parseDouble(m.group(6))));
                    }
                }
            }
        }
        return all;
    }

    /**
     * CPU ticks of the whole machine from /proc/stat: [0] in processes (user, nice, system), [1] in interrupts
     * (irq, softirq: on loopback, much of TCP's receive path), [2] stolen by the hypervisor.
     */
    private static long[] machineTicks() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        return new long[] {Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]),
                Long.parseLong(f[6]) + Long.parseLong(f[7]), Long.parseLong(f[8])};
    }

    private static volatile long serverPid;

    /**
     * CPU ticks so far: [0] the server JVM, [1] this JVM, then the machine's {@link #machineTicks() in processes,
     * in interrupts, stolen}.
     */
    private static long[] cpu() throws IOException {
        long[] m = machineTicks();
        return new long[] {serverPid > 0 ? processTicks(serverPid) : 0, processTicks(ProcessHandle.current().pid()),
                m[0], m[1], m[2]};
    }

    private static long processTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    // ------------------------------------------------------------------ driving it

    private void run() throws Exception {
        int runs = Integer.parseInt(args.getOrDefault("runs", "3"));
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "1"));
        List<String> modes = List.of(args.getOrDefault("modes", "raw,direct,chain").split(","));
        long pid = Long.parseLong(args.getOrDefault("wildfly-pid", "0"));
        int interval = Integer.parseInt(args.getOrDefault("jstat-ms", "100"));
        double tick = 1.0 / Integer.parseInt(args.getOrDefault("clk-tck", "100"));
        Path gcLog = args.containsKey("gc-log") ? Path.of(args.get("gc-log")) : null;
        serverPid = pid;
        csv.add("mode,run,bytes,seconds,mib_per_s,second_half_over_first,server_cpu_s,bench_cpu_s,other_processes_cpu_s,interrupts_cpu_s,"
                + "steal_s," + HeapFigures.CSV);

        EmbeddedMsrpStack aStack = EmbeddedMsrpStack.start();
        EmbeddedMsrpStack bStack = EmbeddedMsrpStack.start();
        Chain chain = modes.contains("chain") ? new Chain() : null;
        HeapSampler heap = pid > 0 && chain != null ? new HeapSampler(pid, interval) : null;
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        List<HeapFigures> heaps = new ArrayList<>();
        try {
            Thread.sleep(heap == null ? 0 : 1500); // jstat's first samples
            for (int i = -warmup; i < runs; i++) {
                String label = i < 0 ? "warm-up " + (i + warmup + 1) : "run " + (i + 1);
                for (String mode : modes) {
                    Run r = switch (mode) {
                        case "raw" -> rawTcp();
                        case "direct" -> msrpDirect(aStack, bStack);
                        case "chain" -> chain.transfer(label);
                        default -> throw new IllegalArgumentException("mode " + mode);
                    };
                    // CPU seconds from the first byte to the last
                    double[] d = new double[5];
                    for (int k = 0; k < d.length; k++) {
                        d[k] = (r.cpuAtEnd()[k] - r.cpuAtStart()[k]) * tick;
                    }
                    double server = d[0];
                    double bench = d[1];
                    double other = Math.max(0, d[2] - server - bench);
                    double irq = d[3];
                    double steal = d[4];
                    double mib = total / 1048576.0 / r.seconds();
                    out.printf(Locale.ROOT, "%-10s %-6s %7.3f s %8.1f MiB/s   2nd half / 1st %.2f   CPU s: server %.1f,"
                            + " bench JVM %.1f, other processes %.1f, interrupts %.1f, stolen %.1f%n", label, mode,
                            r.seconds(), mib, r.halves(), server, bench, other, irq, steal);
                    HeapFigures h = null;
                    if (mode.equals("chain") && heap != null) {
                        Thread.sleep(2L * interval + 200); // a sample after the last byte; the GC log flushed
                        h = HeapFigures.of(heap.samples, collections(gcLog), r);
                        out.printf(Locale.ROOT, "%22s server heap MiB: %s%n", "", h);
                    }
                    if (i >= 0) {
                        rates.computeIfAbsent(mode, k -> new ArrayList<>()).add(mib);
                        csv.add(String.format(Locale.ROOT, "%s,%d,%d,%.4f,%.2f,%.3f,%.2f,%.2f,%.2f,%.2f,%.2f,%s",
                                mode, i + 1, total, r.seconds(), mib, r.halves(), server, bench, other, irq, steal,
                                h == null ? HeapFigures.NONE : h.csv()));
                        if (h != null) {
                            heaps.add(h);
                        }
                    }
                }
            }
        } finally {
            if (heap != null) {
                heap.close();
            }
            if (chain != null) {
                chain.close();
            }
            aStack.close();
            bStack.close();
            Files.write(outDir.resolve("runs.csv"), csv);
        }

        out.println();
        out.printf(Locale.ROOT, "RESULT size %d bytes (%.1f MiB), %d measured runs each after %d warm-up; median:%n",
                total, total / 1048576.0, runs, warmup);
        Map<String, Double> medians = new LinkedHashMap<>();
        for (var e : rates.entrySet()) {
            double m = median(e.getValue());
            medians.put(e.getKey(), m);
            out.printf(Locale.ROOT, "RESULT %-6s median %7.1f MiB/s  (runs: %s)%n", e.getKey(), m,
                    e.getValue().stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList());
        }
        if (medians.containsKey("chain") && medians.containsKey("raw")) {
            out.printf(Locale.ROOT, "RESULT chain / raw TCP = %.3f", medians.get("chain") / medians.get("raw"));
            if (medians.containsKey("direct")) {
                out.printf(Locale.ROOT, ", direct MSRP / raw TCP = %.3f, chain / direct MSRP = %.3f",
                        medians.get("direct") / medians.get("raw"), medians.get("chain") / medians.get("direct"));
            }
            out.println();
        }
        if (!heaps.isEmpty()) {
            out.printf(Locale.ROOT, "RESULT server heap during the measured chain transfers, MiB: used before %.0f-%.0f;"
                            + " peak %.0f (sampled %.0f, at a GC %.0f); after a GC at most %.0f; old gen at most %.0f;"
                            + " committed at most %.0f; %d young and %d full GCs in all%n",
                    heaps.stream().mapToDouble(HeapFigures::before).min().orElse(0),
                    heaps.stream().mapToDouble(HeapFigures::before).max().orElse(0),
                    heaps.stream().mapToDouble(HeapFigures::peak).max().orElse(0),
                    heaps.stream().mapToDouble(HeapFigures::sampledPeak).max().orElse(0),
                    heaps.stream().mapToDouble(HeapFigures::gcBefore).max().orElse(0),
                    heaps.stream().mapToDouble(HeapFigures::gcAfter).max().orElse(0),
                    heaps.stream().mapToDouble(HeapFigures::old).max().orElse(0),
                    heaps.stream().mapToDouble(HeapFigures::committed).max().orElse(0),
                    heaps.stream().mapToLong(HeapFigures::youngGcs).sum(),
                    heaps.stream().mapToLong(HeapFigures::fullGcs).sum());
        }
    }

    /**
     * The server's heap during one transfer, MiB. From jstat: used (survivors + eden + old) at the last sample
     * before the first byte; the highest used sampled up to the last byte; the old generation's and the committed
     * heap's highest; the young and full collections in between (its counters); the samples taken. From the GC
     * log: the highest heap before a pause (the true peak of that cycle), the highest after a young, mixed or full
     * collection (what survived it: live data and what the old generation has not yet had collected), and the
     * pauses.
     */
    private record HeapFigures(double before, double sampledPeak, double old, double committed, long youngGcs,
                               long fullGcs, long samples, double gcBefore, double gcAfter, double pauseMs) {
        static final String CSV = "heap_used_before_mib,heap_peak_mib,heap_peak_sampled_mib,heap_peak_at_gc_mib,"
                + "heap_after_gc_max_mib,old_max_mib,committed_max_mib,young_gcs,full_gcs,jstat_samples,gc_pause_ms";
        static final String NONE = ",,,,,,,,,,";

        double peak() {
            return Math.max(sampledPeak, gcBefore);
        }

        static HeapFigures of(List<Sample> all, List<Collection> gcs, Run r) {
            Sample before = null;
            Sample last = null;
            double peak = 0;
            double old = 0;
            double committed = 0;
            long n = 0;
            for (Sample s : all) {
                if (s.nanos() < r.t0()) {
                    before = s;
                } else if (s.nanos() <= r.t1()) {
                    last = s;
                    n++;
                    peak = Math.max(peak, s.usedKb());
                    old = Math.max(old, s.oldKb());
                    committed = Math.max(committed, s.committedKb());
                }
            }
            double gcBefore = 0;
            double gcAfter = 0;
            double pause = 0;
            for (Collection c : gcs) {
                if (c.wallMillis() >= r.wallStartMillis() && c.wallMillis() <= r.wallEndMillis()) {
                    gcBefore = Math.max(gcBefore, c.beforeMib());
                    if (c.kind().startsWith("Pause Young") || c.kind().startsWith("Pause Full")) {
                        gcAfter = Math.max(gcAfter, c.afterMib()); // Remark and Cleanup free no young regions
                    }
                    committed = Math.max(committed, c.committedMib() * 1024.0);
                    pause += c.pauseMs();
                }
            }
            boolean counted = before != null && last != null;
            return new HeapFigures(before == null ? 0 : before.usedKb() / 1024, peak / 1024, old / 1024,
                    committed / 1024, counted ? last.ygc() - before.ygc() : 0, counted ? last.fgc() - before.fgc() : 0,
                    n, gcBefore, gcAfter, pause);
        }

        String csv() {
            return String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.0f,%.0f,%.1f,%.1f,%d,%d,%d,%.1f", before, peak(),
                    sampledPeak, gcBefore, gcAfter, old, committed, youngGcs, fullGcs, samples, pauseMs);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "used before %.0f; peak %.0f (sampled %.0f, before a GC %.0f);"
                            + " after a GC at most %.0f; old gen at most %.0f; committed at most %.0f;"
                            + " %d young GCs (%.0f ms of pauses), %d full; %d samples",
                    before, peak(), sampledPeak, gcBefore, gcAfter, old, committed, youngGcs, pauseMs, fullGcs,
                    samples);
        }
    }

    private static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
