import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.message.Response;
import org.opencpm.cms.testkit.ImapTestClient;
import org.opencpm.sip.testkit.SipTestAgent;

/**
 * Recording benchmark (issue 6, bench/recording.sh): how fast the Participating Function's recordings of standalone
 * messages reach the message store, and how long after the sender's SIP 200 each recorded object is visible over
 * IMAP to its owner.
 * <p>
 * alice sends MESSAGEs (CPIM, a unique imdn.Message-ID and Contribution-ID each) to bob, whose device is registered
 * and answers 200. Both have recording on, so each accepted message gives two objects: alice's "sent" copy in her
 * folder {@code Default.sip:bob@<domain>} and bob's "received" copy in {@code Default.sip:alice@<domain>}. One
 * watcher per owner is logged in to the store as that user (SIP password), has the folder SELECTed and sits in IDLE:
 * an {@code * n EXISTS} push timestamps objects up to sequence number n, which a FETCH of their IMDN-Message-ID then
 * names. Sends and pushes are timed with the same clock (System.nanoTime) in this one JVM.
 * <p>
 * Phases: warm-up (not counted; also creates the folders), latency (a fixed offered rate), throughput (as fast as
 * the 200s come back with {@code concurrency} senders, or at a fixed rate), optionally component timings of the
 * operations an upload pass consists of. Output: RESULT lines on stdout, objects.csv, backlog.csv in {@code out}.
 */
public final class RecordingBench {

    static Map<String, String> args = new HashMap<>();

    static String arg(String name, String def) {
        return args.getOrDefault(name, def);
    }

    static int intArg(String name, int def) {
        return Integer.parseInt(arg(name, Integer.toString(def)));
    }

    static void log(String s) {
        System.out.println(s);
        System.out.flush();
    }

    static String domain;
    static int sipPort;
    static int imapPort;
    static Path out;

    public static void main(String[] argv) throws Exception {
        for (String a : argv) {
            int eq = a.indexOf('=');
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        domain = arg("domain", "opencpm.test");
        sipPort = intArg("sip-port", 15460);
        imapPort = intArg("imap-port", 2043);
        out = Path.of(arg("out", "."));
        String sender = arg("sender", "alice");
        String recipient = arg("recipient", "bob");
        int warmup = intArg("warmup", 200);
        int latencyMessages = intArg("latency-messages", 600);
        String latencyRates = arg("latency-rate", "20");
        int messages = intArg("messages", 2000);
        int concurrency = intArg("concurrency", 8);
        double rate = Double.parseDouble(arg("rate", "0"));
        long waitMs = intArg("wait", 600) * 1000L;
        String phases = arg("phases", "latency,throughput,components");

        try (SipTestAgent a = SipTestAgent.tcp("rec-" + sender).as(sender, domain, sender + "-password", "127.0.0.1",
                sipPort);
             SipTestAgent b = SipTestAgent.tcp("rec-" + recipient).as(recipient, domain, recipient + "-password",
                     "127.0.0.1", sipPort)) {
            Response reg = b.register(3600, null);
            if (reg.getStatusCode() != 200) {
                throw new IllegalStateException("REGISTER of " + recipient + ": " + reg.getStatusCode());
            }
            log("# " + recipient + "'s device registered at " + b.contactUri());
            Sender s = new Sender(a, b, sender, recipient);

            // warm-up: JIT of both JVMs and of this one; it also creates both folders, which the watchers SELECT
            log("# warm-up: " + warmup + " messages, concurrency " + concurrency);
            Run w = s.run(new Run("warmup", Math.max(warmup, 1)), concurrency, 0);
            Watcher senderCopy = new Watcher(sender + "@" + domain, sender + "-password", mailbox("sip:" + recipient
                    + "@" + domain), "sent");
            Watcher recipientCopy = new Watcher(recipient + "@" + domain, recipient + "-password",
                    mailbox("sip:" + sender + "@" + domain), "received");
            awaitVisible(w, senderCopy, recipientCopy, waitMs, false);
            log("# warm-up done: " + w.accepted.get() + " accepted, all " + 2 * w.accepted.get() + " objects visible");
            senderCopy.start();
            recipientCopy.start();
            Thread.sleep(2000); // quiet, and the watchers in IDLE
            // what both JVMs use with nothing to do (timers, pollers, the watchers' IDLE): the baseline of the phases
            Cpu idle = Cpu.now();
            Thread.sleep(intArg("idle-seconds", 10) * 1000L);
            log("RESULT idle (nothing sent) cpu: " + Cpu.now().minus(idle));

            List<String> csv = new ArrayList<>();
            csv.add("phase,imdn_message_id,sent_ns,ok200_ns,sender_copy_visible_ns,recipient_copy_visible_ns");
            if (phases.contains("latency")) {
                for (String r : latencyRates.split(",")) {
                    double latencyRate = Double.parseDouble(r.trim());
                    String phase = "latency@" + r.trim() + "/s";
                    Cpu cpu = Cpu.now();
                    Run l = new Run(phase, latencyMessages);
                    Backlog backlog = new Backlog(l, senderCopy, recipientCopy);
                    backlog.start();
                    s.run(l, 32, latencyRate);
                    awaitVisible(l, senderCopy, recipientCopy, waitMs, true);
                    backlog.stop();
                    Cpu used = Cpu.now().minus(cpu);
                    report(phase, l, senderCopy, recipientCopy, csv);
                    backlog(l, backlog, "backlog-latency-" + r.trim() + ".csv");
                    log("RESULT " + phase + " cpu (first send to last object visible): " + used);
                    b.drainReceived();
                    Thread.sleep(2000);
                }
            }
            if (phases.contains("throughput")) {
                Cpu cpu = Cpu.now();
                Run t = new Run("throughput", messages);
                Backlog backlog = new Backlog(t, senderCopy, recipientCopy);
                backlog.start();
                s.run(t, concurrency, rate);
                awaitVisible(t, senderCopy, recipientCopy, waitMs, true);
                backlog.stop();
                Cpu used = Cpu.now().minus(cpu);
                report("throughput", t, senderCopy, recipientCopy, csv);
                throughput(t, senderCopy, recipientCopy, backlog);
                log("RESULT throughput cpu (first send to last object visible): " + used);
                b.drainReceived();
            }
            senderCopy.stop();
            recipientCopy.stop();
            Files.write(out.resolve("objects.csv"), csv);
            if (phases.contains("components") && !arg("admin-password", "").isEmpty()) {
                components(sender + "@" + domain, sender + "-password", mailbox("sip:" + recipient + "@" + domain));
            }
        }
        System.exit(0);
    }

    /** The mailbox of a 1-1 conversation folder, as docs/message-store.md names it. */
    static String mailbox(String peer) {
        return "Default." + peer.replace("=", "=3D").replace(".", "=2E").replace("/", "=2F");
    }

    // ------------------------------------------------------------------------------------------------ sending

    /** One phase's messages: send and 200 times by imdn.Message-ID. */
    static final class Run {
        final String phase;
        final int count;
        final Map<String, long[]> times = new ConcurrentHashMap<>(); // id -> {sent, ok200}
        final List<String> ids = new ArrayList<>();
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicLong first200 = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong last200 = new AtomicLong(Long.MIN_VALUE);
        volatile long start;
        volatile long end;

        Run(String phase, int count) {
            this.phase = phase;
            this.count = count;
            String tag = UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < count; i++) {
                ids.add("bench-" + phase.replaceAll("[^a-z0-9]", "") + "-" + tag + "-" + i);
            }
        }
    }

    static final class Sender {
        final SipTestAgent a;
        final SipTestAgent b;
        final String from;
        final String to;

        Sender(SipTestAgent a, SipTestAgent b, String from, String to) {
            this.a = a;
            this.b = b;
            this.from = from;
            this.to = to;
        }

        /** Sends run.count messages: with rate 0 by {@code threads} closed-loop senders, else at that offered rate. */
        Run run(Run run, int threads, double rate) throws Exception {
            String phase = run.phase;
            int count = run.count;
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            run.start = System.nanoTime();
            if (rate <= 0) {
                for (int t = 0; t < threads; t++) {
                    pool.submit(() -> {
                        int i;
                        while ((i = next.getAndIncrement()) < count) {
                            send(run, i);
                        }
                        return null;
                    });
                }
            } else {
                long intervalNs = (long) (1e9 / rate);
                for (int i = 0; i < count; i++) {
                    long due = run.start + i * intervalNs;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    int n = i;
                    pool.submit(() -> send(run, n));
                }
            }
            pool.shutdown();
            if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("sending did not end");
            }
            run.end = System.nanoTime();
            double secs = (run.end - run.start) / 1e9;
            log(String.format(Locale.ROOT, "# %s: %d sent in %.2f s (%.1f msg/s), %d accepted (200), %d failed",
                    phase, count, secs, count / secs, run.accepted.get(), run.failed.get()));
            // the recipient's device queues every MESSAGE it answered: forget them
            b.drainReceived();
            return run;
        }

        void send(Run run, int i) {
            String id = run.ids.get(i);
            long sent = System.nanoTime();
            int status;
            try {
                Response r = a.sendMessage("sip:" + to + "@" + domain, "message/cpim", cpim(id, run.phase, i),
                        Map.of("Contribution-ID", id, "Conversation-ID", "bench-conversation"));
                status = r.getStatusCode();
            } catch (Exception e) {
                status = -1;
            }
            long ok = System.nanoTime();
            if (status == 200) {
                run.times.put(id, new long[] {sent, ok});
                run.accepted.incrementAndGet();
                run.first200.accumulateAndGet(ok, Math::min);
                run.last200.accumulateAndGet(ok, Math::max);
            } else {
                run.failed.incrementAndGet();
                if (run.failed.get() <= 5) {
                    log("# " + run.phase + " message " + i + ": status " + status);
                }
            }
        }

        byte[] cpim(String id, String phase, int i) {
            return ("From: <sip:" + from + "@" + domain + ">\r\n"
                    + "To: <sip:" + to + "@" + domain + ">\r\n"
                    + "DateTime: 2026-11-21T12:00:00Z\r\n"
                    + "NS: imdn <urn:ietf:params:imdn>\r\n"
                    + "imdn.Message-ID: " + id + "\r\n"
                    + "\r\n"
                    + "Content-Type: text/plain;charset=UTF-8\r\n"
                    + "\r\n"
                    + "recording benchmark, " + phase + " message " + i + ": a short text of about sixty bytes.")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------------------------------------ watching

    /**
     * An owner's folder, watched over IMAP as that owner: SELECTed, then IDLE; every {@code * n EXISTS} is
     * timestamped when read, then IDLE is ended (DONE) and the new objects' IMDN-Message-IDs are fetched by sequence
     * number; an object is visible from the first EXISTS that covered its sequence number.
     */
    static final class Watcher implements Runnable {
        static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS");
        static final Pattern FETCH = Pattern.compile("^\\* (\\d+) FETCH .*?IMDN-Message-ID:\\s*(\\S+)",
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

        final String login;
        final String password;
        final String mailbox;
        final String side;
        final Map<String, Long> visible = new ConcurrentHashMap<>();
        /** exists[k] = time of the first EXISTS count >= k (index by sequence number). */
        long[] existsAt = new long[1024];
        int existsSeen;
        int fetched;
        volatile int count; // objects visible in this folder (all phases)
        volatile boolean running = true;
        volatile Exception failure;
        Thread thread;
        final AtomicLong pushes = new AtomicLong();

        Watcher(String login, String password, String mailbox, String side) {
            this.login = login;
            this.password = password;
            this.mailbox = mailbox;
            this.side = side;
        }

        void start() {
            thread = new Thread(this, "watch-" + side);
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5000);
        }

        /** Objects of this folder whose id is known: once synchronously before the watch starts. */
        int poll() throws IOException {
            try (ImapTestClient imap = new ImapTestClient("127.0.0.1", imapPort)) {
                if (!imap.login(login, password).ok()) {
                    throw new IOException(login + " cannot log in");
                }
                ImapTestClient.Response r = imap.command("EXAMINE " + ImapTestClient.quote(mailbox));
                if (!r.ok()) {
                    return 0;
                }
                int n = 0;
                for (String line : r.untagged()) {
                    Matcher m = EXISTS.matcher(line);
                    if (m.find()) {
                        n = Integer.parseInt(m.group(1));
                    }
                }
                return n;
            }
        }

        @Override
        public void run() {
            try (ImapTestClient imap = new ImapTestClient("127.0.0.1", imapPort)) {
                if (!imap.login(login, password).ok()) {
                    throw new IOException(login + " cannot log in");
                }
                ImapTestClient.Response sel = imap.command("SELECT " + ImapTestClient.quote(mailbox));
                if (!sel.ok()) {
                    throw new IOException("SELECT " + mailbox + ": " + sel);
                }
                long now = System.nanoTime();
                for (String line : sel.untagged()) {
                    exists(line, now);
                }
                fetched = existsSeen; // what is there already belongs to earlier runs or the warm-up
                count = existsSeen;
                while (running) {
                    String tag = imap.idle();
                    boolean news = false;
                    while (running && !news) {
                        try {
                            String line = imap.readIdleLine(200);
                            news = exists(line, System.nanoTime());
                        } catch (SocketTimeoutException quiet) {
                            // nothing yet
                        }
                    }
                    ImapTestClient.Response done = imap.done(tag);
                    now = System.nanoTime();
                    for (String line : done.untagged()) {
                        exists(line, now);
                    }
                    if (existsSeen > fetched) {
                        ImapTestClient.Response f = imap.command("FETCH " + (fetched + 1)
                                + ":* (BODY.PEEK[HEADER.FIELDS (IMDN-Message-ID)])");
                        now = System.nanoTime();
                        for (String line : f.untagged()) {
                            exists(line, now); // EXISTS before the FETCH lines: still this response's time
                        }
                        for (String line : f.untagged()) {
                            Matcher m = FETCH.matcher(line);
                            if (m.find()) {
                                int seq = Integer.parseInt(m.group(1));
                                long at = seq <= existsSeen ? existsAt[seq] : now;
                                visible.putIfAbsent(m.group(2), at);
                                fetched = Math.max(fetched, seq);
                            }
                        }
                        count = fetched;
                    }
                }
            } catch (Exception e) {
                failure = e;
                log("# watcher " + side + " failed: " + e);
            }
        }

        /** Notes an {@code * n EXISTS} line read at {@code at}; true when it announced new objects. */
        boolean exists(String line, long at) {
            Matcher m = EXISTS.matcher(line);
            if (!m.find()) {
                return false;
            }
            int n = Integer.parseInt(m.group(1));
            if (n <= existsSeen) {
                return false;
            }
            pushes.incrementAndGet();
            if (n >= existsAt.length) {
                existsAt = Arrays.copyOf(existsAt, Math.max(n + 1, existsAt.length * 2));
            }
            for (int k = existsSeen + 1; k <= n; k++) {
                existsAt[k] = at;
            }
            existsSeen = n;
            return true;
        }

        int visibleOf(Run run) {
            int n = 0;
            for (String id : run.times.keySet()) {
                if (visible.containsKey(id)) {
                    n++;
                }
            }
            return n;
        }
    }

    /** Waits until both copies of every accepted message of {@code run} are visible. */
    static void awaitVisible(Run run, Watcher s, Watcher r, long waitMs, boolean watching) throws Exception {
        long deadline = System.currentTimeMillis() + waitMs;
        int want = run.accepted.get();
        while (System.currentTimeMillis() < deadline) {
            if (watching) {
                if (s.failure != null || r.failure != null) {
                    throw new IllegalStateException("a watcher failed", s.failure != null ? s.failure : r.failure);
                }
                if (s.visibleOf(run) >= want && r.visibleOf(run) >= want) {
                    return;
                }
                Thread.sleep(50);
            } else {
                if (s.poll() >= want && r.poll() >= want) {
                    return;
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException(run.phase + ": not all " + 2 * want + " objects visible within " + waitMs
                + " ms (sender's copies " + (watching ? s.visibleOf(run) : s.poll()) + ", recipient's "
                + (watching ? r.visibleOf(run) : r.poll()) + ")");
    }

    // ------------------------------------------------------------------------------------------------ backlog

    /** Every 500 ms: accepted messages, visible objects, and the objects recorded but not yet visible. */
    static final class Backlog {
        final Run run;
        final Watcher s;
        final Watcher r;
        final List<long[]> samples = new ArrayList<>(); // t, accepted, visibleSender, visibleRecipient
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        Backlog(Run run, Watcher s, Watcher r) {
            this.run = run;
            this.s = s;
            this.r = r;
        }

        void start() {
            sample();
            timer.scheduleAtFixedRate(this::sample, 500, 500, TimeUnit.MILLISECONDS);
        }

        synchronized void sample() {
            // visible first, then accepted: an object is never counted visible before its message counts accepted
            int vs = s.visibleOf(run);
            int vr = r.visibleOf(run);
            samples.add(new long[] {System.nanoTime(), run.times.size(), vs, vr});
        }

        void stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(5, TimeUnit.SECONDS);
            sample();
        }
    }

    // ------------------------------------------------------------------------------------------------ reports

    static void report(String phase, Run run, Watcher s, Watcher r, List<String> csv) {
        List<Long> sip = new ArrayList<>();
        List<Long> sent = new ArrayList<>();
        List<Long> received = new ArrayList<>();
        List<Long> both = new ArrayList<>();
        for (String id : run.ids) {
            long[] t = run.times.get(id);
            if (t == null) {
                continue;
            }
            Long vs = s.visible.get(id);
            Long vr = r.visible.get(id);
            sip.add(t[1] - t[0]);
            if (vs != null) {
                sent.add(vs - t[1]);
            }
            if (vr != null) {
                received.add(vr - t[1]);
            }
            if (vs != null && vr != null) {
                both.add(Math.max(vs, vr) - t[1]);
            }
            csv.add(phase + "," + id + "," + t[0] + "," + t[1] + "," + (vs == null ? "" : vs) + ","
                    + (vr == null ? "" : vr));
        }
        log("RESULT " + phase + " SIP MESSAGE (407 round trip included) to 200: " + stats(sip));
        log("RESULT " + phase + " 200 to sender's copy visible over IMAP: " + stats(sent));
        log("RESULT " + phase + " 200 to recipient's copy visible over IMAP: " + stats(received));
        log("RESULT " + phase + " 200 to both copies visible: " + stats(both));
        log("RESULT " + phase + " IDLE pushes (EXISTS that announced new objects) so far: sender's folder "
                + s.pushes.get() + ", recipient's folder " + r.pushes.get());
    }

    static void throughput(Run run, Watcher s, Watcher r, Backlog backlog) throws IOException {
        List<Long> vis = new ArrayList<>();
        for (String id : run.times.keySet()) {
            vis.add(s.visible.get(id));
            vis.add(r.visible.get(id));
        }
        vis.sort(null);
        int n = vis.size();
        long first200 = run.first200.get();
        long last200 = run.last200.get();
        long lastVisible = vis.get(n - 1);
        double total = (lastVisible - first200) / 1e9;
        double sending = (last200 - first200) / 1e9;
        // steady rate: objects between the 10 % and the 90 % points of their arrival, over that time
        int lo = n / 10;
        int hi = n * 9 / 10;
        double steady = (hi - lo) / ((vis.get(hi) - vis.get(lo)) / 1e9);
        log(String.format(Locale.ROOT, "RESULT throughput: %d messages accepted (%d failed), %d objects", run.accepted.get(),
                run.failed.get(), n));
        log(String.format(Locale.ROOT, "RESULT throughput: 200s from first to last in %.2f s = %.1f messages/s accepted"
                + " (%.1f objects/s recorded)", sending, run.accepted.get() / sending, n / sending));
        log(String.format(Locale.ROOT, "RESULT throughput: first 200 to last object visible %.2f s = %.1f objects/s"
                + " into the store (%.1f messages/s, both copies)", total, n / total, n / 2 / total));
        log(String.format(Locale.ROOT, "RESULT throughput: steady rate (10 %% to 90 %% of the objects) %.1f objects/s",
                steady));
        log(String.format(Locale.ROOT, "RESULT throughput: the last object visible %.2f s after the last 200",
                (lastVisible - last200) / 1e9));
        backlog(run, backlog, "backlog.csv");
    }

    /** The backlog samples into {@code file}, and a RESULT line: its maximum, where it stood, how it grew. */
    static void backlog(Run run, Backlog backlog, String file) throws IOException {
        long last200 = run.last200.get();
        long lastVisible = Long.MIN_VALUE;
        for (String id : run.times.keySet()) {
            lastVisible = Math.max(lastVisible, Math.max(backlog.s.visible.getOrDefault(id, Long.MIN_VALUE),
                    backlog.r.visible.getOrDefault(id, Long.MIN_VALUE)));
        }
        List<String> lines = new ArrayList<>();
        lines.add("t_s,accepted,sender_copies_visible,recipient_copies_visible,backlog_objects");
        long maxBacklog = 0;
        long backlogAtLast200 = -1;
        double tMax = 0;
        List<double[]> during = new ArrayList<>();
        for (long[] x : backlog.samples) {
            long b = 2 * x[1] - x[2] - x[3];
            double t = (x[0] - run.start) / 1e9;
            lines.add(String.format(Locale.ROOT, "%.2f,%d,%d,%d,%d", t, x[1], x[2], x[3], b));
            if (b > maxBacklog) {
                maxBacklog = b;
                tMax = t;
            }
            if (x[0] <= last200) {
                during.add(new double[] {t, b});
                backlogAtLast200 = b;
            }
        }
        Files.write(out.resolve(file), lines);
        // growth of the backlog while sending: least-squares slope over the second half of the sending time
        double slope = Double.NaN;
        List<double[]> half = during.subList(during.size() / 2, during.size());
        if (half.size() >= 3) {
            double mt = 0, mb = 0;
            for (double[] p : half) {
                mt += p[0];
                mb += p[1];
            }
            mt /= half.size();
            mb /= half.size();
            double num = 0, den = 0;
            for (double[] p : half) {
                num += (p[0] - mt) * (p[1] - mb);
                den += (p[0] - mt) * (p[0] - mt);
            }
            slope = num / den;
        }
        log(String.format(Locale.ROOT, "RESULT " + run.phase + " backlog (objects recorded, not yet visible): max %d at"
                + " %.1f s, %d at the last 200 (%.1f s); growth over the second half of sending %.1f objects/s;"
                + " drained (0) %.1f s after the first send", maxBacklog, tMax, backlogAtLast200,
                (last200 - run.start) / 1e9, slope, (lastVisible - run.start) / 1e9));
    }

    static String stats(List<Long> ns) {
        if (ns.isEmpty()) {
            return "none";
        }
        List<Long> v = new ArrayList<>(ns);
        v.sort(null);
        return String.format(Locale.ROOT, "n=%d p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, min %.1f ms",
                v.size(), pct(v, 50), pct(v, 90), pct(v, 99), v.get(v.size() - 1) / 1e6, v.get(0) / 1e6);
    }

    static double pct(List<Long> sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    // ------------------------------------------------------------------------------------------------ CPU

    /** CPU seconds of the server, the store, this JVM and everything else, from /proc. */
    record Cpu(double server, double store, double bench, double all, double steal, double serverJit,
               double storeJit, long at) {
        static final double TCK = Double.parseDouble(arg("clk-tck", "100"));

        static Cpu now() {
            return new Cpu(proc(arg("wildfly-pid", "0")), proc(arg("cms-pid", "0")), proc("self"), machine()[0],
                    machine()[1], jit(arg("wildfly-pid", "0")), jit(arg("cms-pid", "0")), System.nanoTime());
        }

        /** CPU seconds of the JIT compiler threads of {@code pid}. */
        static double jit(String pid) {
            if ("0".equals(pid)) {
                return 0;
            }
            double sum = 0;
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        if (Files.readString(task.resolve("comm")).startsWith("C")
                                && Files.readString(task.resolve("comm")).contains("Compiler")) {
                            sum += proc(pid + "/task/" + task.getFileName());
                        }
                    } catch (IOException gone) {
                        // the thread ended
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return sum;
        }

        static double proc(String pid) {
            if ("0".equals(pid)) {
                return 0;
            }
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TCK;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        static double[] machine() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                // user nice system idle iowait irq softirq steal
                long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3])
                        + Long.parseLong(f[6]) + Long.parseLong(f[7]);
                return new double[] {busy / TCK, Long.parseLong(f[8]) / TCK};
            } catch (IOException e) {
                return new double[] {0, 0};
            }
        }

        Cpu minus(Cpu o) {
            return new Cpu(server - o.server, store - o.store, bench - o.bench, all - o.all, steal - o.steal,
                    serverJit - o.serverJit, storeJit - o.storeJit, at - o.at);
        }

        @Override
        public String toString() {
            double wall = at / 1e9;
            return String.format(Locale.ROOT, "%.1f s wall, %.1f CPU s available (%d cores); WildFly %.1f (JIT %.1f),"
                            + " message store (James) %.1f (JIT %.1f), benchmark client %.1f, other processes %.1f CPU s;"
                            + " steal %.1f", wall, wall * Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors(), server, serverJit, store, storeJit, bench,
                    Math.max(0, all - server - store - bench), steal);
        }
    }

    // ------------------------------------------------------------------------------------------------ components

    /**
     * The operations an upload pass is made of, timed one by one from this JVM against the running store (the
     * uploader's own code runs in WildFly; this times the same protocol steps): the WebAdmin existence check, an
     * IMAP connection as the uploader opens it (connect, AUTHENTICATE PLAIN as the administrator acting as the user,
     * GETMETADATA of the DefaultFolderLocation, LIST for the separator, LOGOUT), the LIST of Jakarta Mail's
     * folder.exists(), and an APPEND of an object of the recorded size on an open connection.
     */
    static void components(String login, String password, String mailbox) throws Exception {
        int rounds = intArg("component-rounds", 200);
        String admin = arg("admin", "opencpm$admin@" + domain);
        String adminPassword = arg("admin-password", "");
        int webadminPort = intArg("webadmin-port", 8000);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        // the uploader's JamesWebAdmin: a HttpURLConnection per call; java.net.http keeps its connection alive,
        // so the figure is a lower bound
        List<Long> head = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webadminPort
                    + "/users/" + login)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            head.add(System.nanoTime() - t0);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("HEAD /users/" + login + ": " + r.statusCode());
            }
        }
        List<Long> connect = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            try (ImapTestClient imap = new ImapTestClient("127.0.0.1", imapPort)) {
                imap.command("CAPABILITY");
                if (!imap.authenticatePlain(login, admin, adminPassword).ok()) {
                    throw new IllegalStateException("the administrator cannot act as " + login);
                }
                imap.command("CAPABILITY");
                imap.command("GETMETADATA \"\" /shared/vendor/oma/cpm/DefaultFolderLocation");
                imap.command("LIST \"\" \"\"");
            }
            connect.add(System.nanoTime() - t0);
        }
        List<Long> list = new ArrayList<>();
        List<Long> append = new ArrayList<>();
        String scratch = "Default.bench-scratch-" + UUID.randomUUID().toString().substring(0, 8);
        try (ImapTestClient imap = new ImapTestClient("127.0.0.1", imapPort)) {
            imap.authenticatePlain(login, admin, adminPassword);
            if (!imap.command("CREATE " + ImapTestClient.quote(scratch)).ok()) {
                throw new IllegalStateException("CREATE " + scratch);
            }
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                imap.command("LIST \"\" " + ImapTestClient.quote(mailbox));
                list.add(System.nanoTime() - t0);
                String msg = "From: <sip:alice@" + domain + ">\r\nTo: <sip:bob@" + domain + ">\r\n"
                        + "Date: Sat, 21 Nov 2026 12:00:00 +0000\r\nMessage-ID: <" + UUID.randomUUID() + "@bench>\r\n"
                        + "Conversation-ID: bench-conversation\r\nContribution-ID: c-" + i + "\r\n"
                        + "IMDN-Message-ID: component-" + i + "\r\nMessage-Direction: sent\r\n"
                        + "Content-Type: message/cpim\r\n\r\n"
                        + "From: <sip:alice@" + domain + ">\r\nTo: <sip:bob@" + domain + ">\r\n"
                        + "NS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: component-" + i + "\r\n\r\n"
                        + "Content-Type: text/plain;charset=UTF-8\r\n\r\na short text of about sixty bytes.\r\n";
                t0 = System.nanoTime();
                if (!imap.append(scratch, null, msg).ok()) {
                    throw new IllegalStateException("APPEND refused");
                }
                append.add(System.nanoTime() - t0);
            }
        }
        // the same APPENDs over a plain socket. Synchronizing literal: the command line, the store's "+", then the
        // object and its CRLF in one write. LITERAL+ (RFC 7888), as Jakarta Mail sends when the store advertises it
        // (James does): the command line ending in {n+} flushed, then at once the object and CRLF in a second
        // write; with Nagle's algorithm on (Jakarta Mail's default) the second write waits for the ACK of the
        // first, which the store delays (about 40 ms on Linux) as it has nothing to answer yet.
        List<Long> appendSync = rawAppends(login, admin, adminPassword, scratch, rounds, false, false);
        List<Long> appendPlus = rawAppends(login, admin, adminPassword, scratch, rounds, true, false);
        List<Long> appendPlusNoDelay = rawAppends(login, admin, adminPassword, scratch, rounds, true, true);
        try (ImapTestClient imap = new ImapTestClient("127.0.0.1", imapPort)) {
            imap.authenticatePlain(login, admin, adminPassword);
            imap.command("DELETE " + ImapTestClient.quote(scratch));
        }
        log("RESULT components (" + rounds + " each, sequential, from the benchmark JVM):");
        log("RESULT   WebAdmin HEAD /users/{login} (kept-alive connection): " + stats(head));
        log("RESULT   IMAP connection as the uploader opens one (connect, AUTHENTICATE PLAIN, GETMETADATA, LIST,"
                + " LOGOUT): " + stats(connect));
        log("RESULT   LIST of one folder (folder.exists() before every APPEND): " + stats(list));
        log("RESULT   APPEND of a ~600-byte object on an open connection, ImapTestClient (object and CRLF in two"
                + " writes, so also held back by Nagle): " + stats(append));
        log("RESULT   APPEND, synchronizing literal (waits for +), object and CRLF in one write: " + stats(appendSync));
        log("RESULT   APPEND with LITERAL+ as Jakarta Mail writes it, Nagle on (the uploader before TCP_NODELAY): "
                + stats(appendPlus));
        log("RESULT   APPEND with LITERAL+, TCP_NODELAY (the uploader with it): " + stats(appendPlusNoDelay));
    }

    static List<Long> rawAppends(String login, String admin, String adminPassword, String mailbox, int rounds,
                                 boolean literalPlus, boolean noDelay) throws IOException {
        List<Long> times = new ArrayList<>();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", imapPort)) {
            socket.setTcpNoDelay(noDelay);
            socket.setSoTimeout(20_000);
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), StandardCharsets.UTF_8));
            java.io.OutputStream os = socket.getOutputStream();
            in.readLine(); // greeting
            os.write(("a AUTHENTICATE PLAIN " + b64(login + "\0" + admin + "\0" + adminPassword) + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            os.flush();
            awaitTagged(in, "a ");
            for (int i = 0; i < rounds; i++) {
                byte[] msg = ("From: <sip:alice@" + domain + ">\r\nTo: <sip:bob@" + domain + ">\r\n"
                        + "Message-ID: <" + UUID.randomUUID() + "@bench>\r\nIMDN-Message-ID: raw-" + i + "\r\n"
                        + "Content-Type: message/cpim\r\n\r\nFrom: <sip:alice@" + domain + ">\r\n\r\n"
                        + "Content-Type: text/plain;charset=UTF-8\r\n\r\n" + "x".repeat(400) + "\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                long t0 = System.nanoTime();
                os.write(("r" + i + " APPEND " + ImapTestClient.quote(mailbox) + " {" + msg.length
                        + (literalPlus ? "+" : "") + "}\r\n").getBytes(StandardCharsets.UTF_8));
                os.flush();
                if (!literalPlus) {
                    String cont = in.readLine();
                    if (cont == null || !cont.startsWith("+")) {
                        throw new IOException("APPEND refused: " + cont);
                    }
                }
                byte[] all = Arrays.copyOf(msg, msg.length + 2);
                all[msg.length] = '\r';
                all[msg.length + 1] = '\n';
                os.write(all);
                os.flush();
                awaitTagged(in, "r" + i + " ");
                times.add(System.nanoTime() - t0);
            }
        }
        return times;
    }

    static void awaitTagged(java.io.BufferedReader in, String tag) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(tag)) {
                if (!line.startsWith(tag + "OK")) {
                    throw new IOException(line);
                }
                return;
            }
        }
        throw new IOException("connection closed");
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
