package org.opencpm.sip.testkit;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A SIP user agent for tests: registers (answering digest challenges), sends MESSAGEs, and collects the MESSAGEs it
 * receives, answering them with a configurable status. It also places calls ({@link #invite(String, InviteOptions)},
 * INVITE with a body such as SDP) and answers them ({@link #onInvite}); each INVITE dialog is a {@link SipCall}.
 * Every request received, in a dialog or not, also lands in the queue of {@link #awaitRequest}. One JAIN-SIP stack
 * per agent, on 127.0.0.1 and a free port.
 */
public final class SipTestAgent implements SipListener, AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String name;
    private final String transport;
    private final int port;
    private final SipStackImpl stack;
    private final SipProvider provider;
    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final AddressFactory addresses;
    private final Map<String, CompletableFuture<Response>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<SipCall> incomingCalls = new LinkedBlockingQueue<>();
    private final AtomicLong cseq = new AtomicLong(1);
    private final ScheduledExecutorService timers;
    private volatile int answerStatus = 200;
    private volatile Function<Request, Answer> inviteAnswer;
    private volatile Function<Request, Answer> reinviteAnswer = r -> Answer.status(200);
    private volatile int byeStatus = 200;
    private volatile List<String> featureTags = List.of();
    /** The call of the last {@link #invite(String)} or the last INVITE answered, for {@link #bye()}. */
    private volatile SipCall lastCall;
    private String proxyHost;
    private int proxyPort;
    private String user;
    private String domain;
    private String password;

    private SipTestAgent(String name, String transport) throws Exception {
        this.name = name;
        this.transport = transport.toLowerCase();
        this.port = freePort();
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "test-" + name + "-" + COUNTER.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", "org.opencpm.sip.logging.JulStackLogger");
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", "org.opencpm.sip.logging.JulServerLogger");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        stack = new SipStackImpl(p);
        SipFactory f = SipFactory.getInstance();
        headers = f.createHeaderFactory();
        messages = f.createMessageFactory();
        addresses = f.createAddressFactory();
        ListeningPoint lp = stack.createListeningPoint("127.0.0.1", port, this.transport);
        provider = stack.createSipProvider(lp);
        provider.addSipListener(this);
        stack.start();
        timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "test-agent-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** An agent on UDP. */
    public static SipTestAgent udp(String name) throws Exception {
        return new SipTestAgent(name, "udp");
    }

    public static SipTestAgent tcp(String name) throws Exception {
        return new SipTestAgent(name, "tcp");
    }

    /** Who this agent is and where its server is; needed before register or send. */
    public SipTestAgent as(String user, String domain, String password, String serverHost, int serverPort) {
        this.user = user;
        this.domain = domain;
        this.password = password;
        this.proxyHost = serverHost;
        this.proxyPort = serverPort;
        return this;
    }

    public int port() {
        return port;
    }

    public String contactUri() {
        return "sip:" + user + "@127.0.0.1:" + port + (transport.equals("udp") ? "" : ";transport=" + transport);
    }

    /**
     * Feature tags put as parameters of the Contact of REGISTER, INVITE, re-INVITE and of the 18x/2xx this agent
     * sends to an INVITE, as written: {@code +g.3gpp.icsi-ref="urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.session"},
     * {@code +g.oma.sip-im}.
     */
    public SipTestAgent withFeatureTags(String... tags) {
        this.featureTags = List.of(tags);
        return this;
    }

    /** The Contact value this agent sends: its URI in angle brackets, then its feature tags. */
    public String contact() {
        StringBuilder c = new StringBuilder("<").append(contactUri()).append('>');
        featureTags.forEach(tag -> c.append(';').append(tag));
        return c.toString();
    }

    /**
     * Status this agent answers incoming MESSAGEs with (200 by default), and other requests outside any dialog;
     * also INVITEs, until {@link #onInvite} says otherwise.
     */
    public void answerWith(int status) {
        answerStatus = status;
    }

    /**
     * How this agent answers the INVITEs of new calls; without it, with the {@link #answerWith} status and no body.
     * The function runs on a stack thread: keep it short, use {@link Answer#after} to answer late.
     */
    public SipTestAgent onInvite(Function<Request, Answer> answer) {
        this.inviteAnswer = answer;
        return this;
    }

    /** How calls made from now on answer a re-INVITE (200 without a body by default); {@link SipCall#onReinvite}. */
    public SipTestAgent onReinvite(Function<Request, Answer> answer) {
        this.reinviteAnswer = answer;
        return this;
    }

    /** Status calls made from now on answer a BYE with (200 by default); {@link SipCall#onBye}. */
    public SipTestAgent onBye(int status) {
        this.byeStatus = status;
        return this;
    }

    /** The next call this agent answered (its INVITE arrived), or null after the timeout. */
    public SipCall awaitCall(long timeout, TimeUnit unit) throws InterruptedException {
        return incomingCalls.poll(timeout, unit);
    }

    /** REGISTER with expiry, an instance id (may be null); answers one digest challenge. */
    public Response register(int expires, String instanceId) throws Exception {
        return register(expires, instanceId, password);
    }

    public Response register(int expires, String instanceId, String withPassword) throws Exception {
        Request r = newRequest(Request.REGISTER, "sip:" + domain, aor(), aor());
        String contact = contact() + (instanceId == null ? "" : ";+sip.instance=\"<" + instanceId + ">\"");
        r.addHeader(headers.createHeader(ContactHeader.NAME, contact));
        r.addHeader(headers.createExpiresHeader(expires));
        return sendWithAuth(r, withPassword);
    }

    /** Un-registers every contact of this user (Contact: *, Expires: 0). */
    public Response unregisterAll() throws Exception {
        Request r = newRequest(Request.REGISTER, "sip:" + domain, aor(), aor());
        r.addHeader(headers.createHeader(ContactHeader.NAME, "*"));
        r.addHeader(headers.createExpiresHeader(0));
        return sendWithAuth(r, password);
    }

    /** A pager-mode MESSAGE to {@code toAor}; extra headers are added as given; answers one digest challenge. */
    public Response sendMessage(String toAor, String contentType, byte[] body, Map<String, String> extraHeaders)
            throws Exception {
        Request r = newRequest(Request.MESSAGE, toAor, aor(), toAor);
        for (Map.Entry<String, String> e : extraHeaders.entrySet()) {
            r.addHeader(headers.createHeader(e.getKey(), e.getValue()));
        }
        r.setContent(body, contentTypeHeader(contentType));
        return sendWithAuth(r, password);
    }

    public Response sendMessage(String toAor, String text) throws Exception {
        return sendMessage(toAor, "text/plain", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * Places a call: INVITE to {@code toAor} through the server with this body (an SDP offer, say; none when
     * {@code body} is null) and extra headers (a name may carry several values: several header fields). Answers one
     * digest challenge, ACKs a 2xx, and returns once the final response came (up to 10 s).
     */
    public SipCall invite(String toAor, String contentType, byte[] body, Map<String, List<String>> extraHeaders)
            throws Exception {
        InviteOptions options = InviteOptions.create().headers(extraHeaders);
        if (body != null) {
            options.body(contentType, body);
        }
        return invite(toAor, options);
    }

    /** Places a call and returns once the final response came (up to 10 s); see {@link InviteOptions}. */
    public SipCall invite(String toAor, InviteOptions options) throws Exception {
        SipCall call = startInvite(toAor, options);
        call.finalResponse();
        return call;
    }

    /**
     * Places a call and returns as soon as the INVITE is sent, for tests that look at provisional responses or
     * CANCEL ({@link SipCall#awaitProvisional}, {@link SipCall#cancel}, {@link SipCall#finalResponse}).
     */
    public SipCall startInvite(String toAor, InviteOptions options) throws Exception {
        Request r = newRequest(Request.INVITE, toAor, aor(), toAor);
        r.addHeader(contactHeader());
        addHeaders(r, options.headers());
        if (options.body() != null) {
            r.setContent(options.body(), contentTypeHeader(options.contentType()));
        }
        SipCall call = SipCall.outgoing(this, r, options.autoAck(), byeStatus, reinviteAnswer);
        lastCall = call;
        return call;
    }

    /**
     * Sends an INVITE (no body) to {@code toAor} through the server and, on a 2xx, ACKs it; returns the final
     * response. The call is kept for {@link #bye()}.
     */
    public Response invite(String toAor) throws Exception {
        return invite(toAor, InviteOptions.create()).finalResponse();
    }

    /** BYE in the dialog of the last call placed with {@link #invite} or answered; returns the final response. */
    public Response bye() throws Exception {
        SipCall call = lastCall;
        if (call == null) {
            throw new IllegalStateException(name + " has no call");
        }
        return call.bye();
    }

    /** The next MESSAGE (or other request) this agent received, or null after the timeout. */
    public Request awaitRequest(long timeout, TimeUnit unit) throws InterruptedException {
        return received.poll(timeout, unit);
    }

    public List<Request> drainReceived() {
        List<Request> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    /** Sends raw bytes to the server over UDP and returns the first datagram that comes back, or null. */
    public static String sendRawUdp(String host, int serverPort, String text, int timeoutMillis) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            socket.setSoTimeout(timeoutMillis);
            String payload = text.replace("${port}", Integer.toString(socket.getLocalPort()));
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(host), serverPort));
            byte[] buffer = new byte[65535];
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(in);
                return new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
            } catch (SocketTimeoutException e) {
                return null;
            }
        }
    }

    private String aor() {
        return "sip:" + user + "@" + domain;
    }

    private Request newRequest(String method, String requestUri, String from, String to) throws Exception {
        CallIdHeader callId = provider.getNewCallId();
        CSeqHeader c = headers.createCSeqHeader(cseq.getAndIncrement(), method);
        Address fromAddress = addresses.createAddress(from);
        Address toAddress = addresses.createAddress(to);
        ViaHeader via = headers.createViaHeader("127.0.0.1", port, transport, null);
        Request r = messages.createRequest(addresses.createURI(requestUri), method, callId, c,
                headers.createFromHeader(fromAddress, newTag()), headers.createToHeader(toAddress, null),
                new ArrayList<>(List.of(via)), headers.createMaxForwardsHeader(70));
        SipURI route = addresses.createSipURI(null, proxyHost);
        route.setPort(proxyPort);
        route.setLrParam();
        if (!transport.equals("udp")) {
            route.setTransportParam(transport);
        }
        r.addHeader(headers.createRouteHeader(addresses.createAddress(route)));
        return r;
    }

    private Response sendWithAuth(Request request, String withPassword) throws Exception {
        Response response = send(request);
        int status = response.getStatusCode();
        if (status != 401 && status != 407) {
            return response;
        }
        return send(withCredentials(request, response, withPassword));
    }

    /** The request again, with a new Via branch and CSeq, and the digest answer to the 401 or 407 {@code response}. */
    Request withCredentials(Request request, Response response) throws Exception {
        return withCredentials(request, response, password);
    }

    private Request withCredentials(Request request, Response response, String withPassword) throws Exception {
        int status = response.getStatusCode();
        Request retry = (Request) request.clone();
        retry.removeHeader(ViaHeader.NAME);
        retry.addHeader(headers.createViaHeader("127.0.0.1", port, transport, null));
        retry.setHeader(headers.createCSeqHeader(cseq.getAndIncrement(), request.getMethod()));
        WWWAuthenticateHeader challenge = status == 401
                ? (WWWAuthenticateHeader) response.getHeader(WWWAuthenticateHeader.NAME)
                : (ProxyAuthenticateHeader) response.getHeader(ProxyAuthenticateHeader.NAME);
        String uri = request.getRequestURI().toString();
        String qop = challenge.getQop() != null && challenge.getQop().contains("auth") ? "auth" : null;
        String cnonce = newTag();
        String nc = "00000001";
        String digest = DigestClient.response(user, challenge.getRealm(), withPassword, request.getMethod(), uri,
                challenge.getNonce(), qop, nc, cnonce);
        StringBuilder value = new StringBuilder("Digest username=\"" + user + "\", realm=\"" + challenge.getRealm()
                + "\", nonce=\"" + challenge.getNonce() + "\", uri=\"" + uri + "\", response=\"" + digest
                + "\", algorithm=MD5");
        if (qop != null) {
            value.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (challenge.getOpaque() != null) {
            value.append(", opaque=\"").append(challenge.getOpaque()).append('"');
        }
        String headerName = status == 401 ? AuthorizationHeader.NAME : "Proxy-Authorization";
        retry.setHeader(headers.createHeader(headerName, value.toString()));
        return retry;
    }

    /** Sends and waits for the final response (a 408 made up here after 10 s). */
    public Response send(Request request) throws Exception {
        ClientTransaction ct = provider.getNewClientTransaction(request);
        CompletableFuture<Response> future = new CompletableFuture<>();
        pending.put(ct.getBranchId(), future);
        ct.sendRequest();
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return messages.createResponse(408, request);
        } finally {
            pending.remove(ct.getBranchId());
        }
    }

    // ------------------------------------------------------------------ for SipCall

    SipProvider provider() {
        return provider;
    }

    MessageFactory messages() {
        return messages;
    }

    ContactHeader contactHeader() throws ParseException {
        return (ContactHeader) headers.createHeader(ContactHeader.NAME, contact());
    }

    ContentTypeHeader contentTypeHeader(String contentType) throws ParseException {
        String[] params = contentType.split(";");
        String[] type = params[0].trim().split("/", 2);
        ContentTypeHeader ct = headers.createContentTypeHeader(type[0], type[1]);
        for (int i = 1; i < params.length; i++) {
            String[] param = params[i].split("=", 2);
            ct.setParameter(param[0].trim(), param.length > 1 ? param[1].trim() : "");
        }
        return ct;
    }

    void addHeaders(Message message, Map<String, List<String>> extra) throws ParseException {
        for (Map.Entry<String, List<String>> e : extra.entrySet()) {
            for (String value : e.getValue()) {
                message.addHeader(headers.createHeader(e.getKey(), value));
            }
        }
    }

    /** A request of {@code dialog} sent in it; its final response (up to 10 s). */
    Response sendInDialog(Dialog dialog, Request request) throws Exception {
        ClientTransaction ct = provider.getNewClientTransaction(request);
        return sendAndAwait(ct, () -> dialog.sendRequest(ct));
    }

    interface Sending {
        void send() throws SipException;
    }

    /** Sends on {@code ct} as {@code sending} does and waits for the final response (up to 10 s). */
    Response sendAndAwait(ClientTransaction ct, Sending sending) throws Exception {
        CompletableFuture<Response> future = new CompletableFuture<>();
        pending.put(ct.getBranchId(), future);
        try {
            sending.send();
            return future.get(10, TimeUnit.SECONDS);
        } finally {
            pending.remove(ct.getBranchId());
        }
    }

    void schedule(Runnable task, Duration delay) {
        timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ------------------------------------------------------------------ SipListener

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        try {
            if (Request.ACK.equals(method)) {
                received.add(request); // tests of INVITE dialogs look for the ACK
                SipCall call = callOf(event.getDialog());
                if (call != null) {
                    call.onAck(request);
                }
                return;
            }
            ServerTransaction st = event.getServerTransaction();
            if (st == null) {
                try {
                    st = provider.getNewServerTransaction(request);
                } catch (TransactionAlreadyExistsException retransmission) {
                    return;
                }
            }
            received.add(request);
            boolean inDialog = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
            if (Request.CANCEL.equals(method)) {
                processCancel(request, st);
                return;
            }
            SipCall call = inDialog ? callOf(st.getDialog() != null ? st.getDialog() : event.getDialog()) : null;
            if (call != null) {
                call.onRequest(request, st);
            } else if (Request.INVITE.equals(method) && !inDialog) {
                processInvite(request, st);
            } else {
                Response response = messages.createResponse(answerStatus, request);
                ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
                if (to.getTag() == null) {
                    to.setTag(newTag());
                }
                st.sendResponse(response);
            }
        } catch (Exception e) {
            throw new IllegalStateException(name + " could not answer " + method, e);
        }
    }

    private void processInvite(Request invite, ServerTransaction st) throws Exception {
        SipCall call = SipCall.incoming(this, invite, st, byeStatus, reinviteAnswer);
        lastCall = call;
        incomingCalls.add(call);
        Function<Request, Answer> policy = inviteAnswer;
        Answer answer;
        try {
            answer = policy == null ? Answer.status(answerStatus).withoutRinging() : policy.apply(invite);
        } catch (RuntimeException e) {
            answer = Answer.status(500).withoutRinging();
        }
        call.answer(answer);
    }

    private void processCancel(Request cancel, ServerTransaction st) throws Exception {
        SIPServerTransaction invite = ((SIPServerTransaction) st).getCanceledInviteTransaction();
        if (invite == null || !(invite.getApplicationData() instanceof SipCall call)) {
            Response response = messages.createResponse(481, cancel);
            ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(newTag());
            st.sendResponse(response);
            return;
        }
        st.sendResponse(messages.createResponse(200, cancel));
        call.onCancel(cancel);
    }

    private static SipCall callOf(Dialog dialog) {
        return dialog != null && dialog.getApplicationData() instanceof SipCall call ? call : null;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        if (ct == null) {
            return; // a 2xx retransmitted after its transaction ended: the dialog layer re-sends the ACK
        }
        if (ct.getApplicationData() instanceof SipCall call) {
            call.onInviteResponse(ct, event.getResponse());
            return;
        }
        if (event.getResponse().getStatusCode() < 200) {
            return;
        }
        CompletableFuture<Response> f = pending.get(ct.getBranchId());
        if (f != null) {
            f.complete(event.getResponse());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        if (ct == null) {
            return;
        }
        Response timeout;
        try {
            timeout = messages.createResponse(408, ct.getRequest());
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        if (ct.getApplicationData() instanceof SipCall call) {
            call.onInviteResponse(ct, timeout);
            return;
        }
        CompletableFuture<Response> f = pending.get(ct.getBranchId());
        if (f != null) {
            f.complete(timeout);
        }
    }

    @Override public void processIOException(IOExceptionEvent event) { }
    @Override public void processTransactionTerminated(TransactionTerminatedEvent event) { }
    @Override public void processDialogTerminated(DialogTerminatedEvent event) { }

    @Override
    public void close() {
        timers.shutdownNow();
        stack.stop();
    }

    static String newTag() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static int freePort() throws Exception {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                int p = s.getLocalPort();
                try (DatagramSocket d = new DatagramSocket(p, InetAddress.getByName("127.0.0.1"))) {
                    return p;
                } catch (Exception busy) {
                    // try again
                }
            }
        }
        throw new IllegalStateException("no free port");
    }

    /** Opens and closes a TCP connection, for tests that only need to know something listens. */
    public static boolean tcpListening(String host, int port) {
        try (Socket s = new Socket(host, port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
