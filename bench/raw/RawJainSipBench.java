import gov.nist.javax.sip.SipStackImpl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.*;
import javax.sip.address.AddressFactory;
import javax.sip.header.*;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Raw JAIN-SIP stack-to-stack MESSAGE -> 200 rate on 127.0.0.1/UDP: no server, no auth.
 * Stack "uac" runs N closed-loop senders (each sends its next MESSAGE when the 200 for the previous
 * one arrived); stack "uas" answers every MESSAGE with 200 statelessly-in-transaction (getNewServerTransaction).
 *
 * Usage: java RawJainSipBench [concurrency=20] [messages=20000] [warmup=2000] [uacPort=15170] [uasPort=15171]
 */
public final class RawJainSipBench {

    static SipStackImpl stack(String name) throws Exception {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        // same logger classes and listener settings as the OpenCPM test agent (SipTestAgent)
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", "org.opencpm.sip.logging.JulStackLogger");
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", "org.opencpm.sip.logging.JulServerLogger");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        return new SipStackImpl(p);
    }

    abstract static class Listener implements SipListener {
        public void processTimeout(TimeoutEvent e) { System.err.println("timeout " + e); }
        public void processIOException(IOExceptionEvent e) { System.err.println("io " + e); }
        public void processTransactionTerminated(TransactionTerminatedEvent e) { }
        public void processDialogTerminated(DialogTerminatedEvent e) { }
        public void processRequest(RequestEvent e) { }
        public void processResponse(ResponseEvent e) { }
    }

    public static void main(String[] args) throws Exception {
        int conc = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        int uacPort = args.length > 3 ? Integer.parseInt(args[3]) : 15170;
        int uasPort = args.length > 4 ? Integer.parseInt(args[4]) : 15171;

        SipFactory f = SipFactory.getInstance();
        HeaderFactory hf = f.createHeaderFactory();
        MessageFactory mf = f.createMessageFactory();
        AddressFactory af = f.createAddressFactory();

        // ---- UAS: answer MESSAGE with 200
        SipStackImpl uasStack = stack("raw-uas");
        SipProvider uas = uasStack.createSipProvider(uasStack.createListeningPoint("127.0.0.1", uasPort, "udp"));
        uas.addSipListener(new Listener() {
            @Override public void processRequest(RequestEvent e) {
                try {
                    ServerTransaction st = e.getServerTransaction();
                    if (st == null) st = uas.getNewServerTransaction(e.getRequest());
                    Response r = mf.createResponse(200, e.getRequest());
                    ((ToHeader) r.getHeader(ToHeader.NAME)).setTag("uas");
                    st.sendResponse(r);
                } catch (Exception ex) { ex.printStackTrace(); }
            }
        });
        uasStack.start();

        // ---- UAC: N closed-loop senders
        SipStackImpl uacStack = stack("raw-uac");
        ListeningPoint lp = uacStack.createListeningPoint("127.0.0.1", uacPort, "udp");
        SipProvider uac = uacStack.createSipProvider(lp);
        int grand = warmup + total;
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong measuredStart = new AtomicLong();
        long[] lat = new long[total];
        AtomicInteger latIdx = new AtomicInteger();
        ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>();
        CountDownLatch finished = new CountDownLatch(1);
        byte[] body = ("From: <sip:alice@opencpm.test>\r\nTo: <sip:bob@opencpm.test>\r\n"
                + "DateTime: 2026-01-01T00:00:00Z\r\n\r\nContent-Type: text/plain;charset=UTF-8\r\n\r\n"
                + "benchmark message\r\n").getBytes();

        Runnable[] sendNext = new Runnable[1];
        sendNext[0] = () -> {
            int n = issued.getAndIncrement();
            if (n >= grand) return;
            try {
                Request req = mf.createRequest(
                        af.createURI("sip:bob@127.0.0.1:" + uasPort),
                        Request.MESSAGE,
                        uac.getNewCallId(),
                        hf.createCSeqHeader(1L, Request.MESSAGE),
                        hf.createFromHeader(af.createAddress("sip:alice@opencpm.test"), "t" + n),
                        hf.createToHeader(af.createAddress("sip:bob@opencpm.test"), null),
                        new ArrayList<>(List.of(hf.createViaHeader("127.0.0.1", uacPort, "udp", null))),
                        hf.createMaxForwardsHeader(70),
                        hf.createContentTypeHeader("message", "cpim"),
                        body);
                ClientTransaction ct = uac.getNewClientTransaction(req);
                sentAt.put(ct.getBranchId(), System.nanoTime());
                ct.sendRequest();
            } catch (Exception ex) { ex.printStackTrace(); failed.incrementAndGet(); }
        };
        uac.addSipListener(new Listener() {
            @Override public void processResponse(ResponseEvent e) {
                int status = e.getResponse().getStatusCode();
                if (status < 200) return;
                Long t0 = e.getClientTransaction() == null ? null : sentAt.remove(e.getClientTransaction().getBranchId());
                if (status != 200) failed.incrementAndGet();
                int d = done.incrementAndGet();
                if (d == warmup) measuredStart.set(System.nanoTime());
                if (d > warmup && t0 != null) {
                    int i = latIdx.getAndIncrement();
                    if (i < lat.length) lat[i] = System.nanoTime() - t0;
                }
                if (d == grand) finished.countDown();
                sendNext[0].run();
            }
            @Override public void processTimeout(TimeoutEvent e) {
                failed.incrementAndGet();
                if (done.incrementAndGet() == grand) finished.countDown();
                sendNext[0].run();
            }
        });
        uacStack.start();

        if (warmup == 0) measuredStart.set(System.nanoTime());
        for (int i = 0; i < conc; i++) sendNext[0].run();
        boolean ok = finished.await(300, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - measuredStart.get();

        int n = Math.min(latIdx.get(), lat.length);
        long[] l = Arrays.copyOf(lat, n);
        Arrays.sort(l);
        double rate = total / (elapsed / 1e9);
        System.out.printf("raw JAIN-SIP MESSAGE->200 (UDP loopback): concurrency=%d messages=%d warmup=%d%s%n",
                conc, total, warmup, ok ? "" : " (TIMED OUT after 300s)");
        System.out.printf("completed=%d failed=%d elapsed=%.3fs rate=%.0f MESSAGE/s%n", done.get() - warmup, failed.get(), elapsed / 1e9, rate);
        if (n > 0) {
            System.out.printf("latency ms: p50=%.3f p99=%.3f max=%.3f%n",
                    l[(int) (n * 0.50)] / 1e6, l[Math.min(n - 1, (int) (n * 0.99))] / 1e6, l[n - 1] / 1e6);
        }
        uacStack.stop();
        uasStack.stop();
        System.exit(ok && failed.get() == 0 ? 0 : 1);
    }
}
