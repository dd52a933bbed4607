package org.opencpm.sip.testkit;

import gov.nist.javax.sip.SipStackImpl;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
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
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A SIP user agent for tests: registers (answering digest challenges), sends MESSAGEs, and collects the MESSAGEs it
 * receives, answering them with a configurable status. One JAIN-SIP stack per agent, on 127.0.0.1 and a free port.
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
    private final AtomicLong cseq = new AtomicLong(1);
    private volatile int answerStatus = 200;
    private volatile javax.sip.Dialog dialog;
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

    /** Status this agent answers incoming MESSAGEs with (200 by default). */
    public void answerWith(int status) {
        answerStatus = status;
    }

    /** REGISTER with expiry, an instance id (may be null); answers one digest challenge. */
    public Response register(int expires, String instanceId) throws Exception {
        return register(expires, instanceId, password);
    }

    public Response register(int expires, String instanceId, String withPassword) throws Exception {
        Request r = newRequest(Request.REGISTER, "sip:" + domain, aor(), aor());
        String contact = "<" + contactUri() + ">" + (instanceId == null ? "" : ";+sip.instance=\"<" + instanceId + ">\"");
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
        String[] params = contentType.split(";");
        String[] type = params[0].trim().split("/", 2);
        ContentTypeHeader ct = headers.createContentTypeHeader(type[0], type[1]);
        for (int i = 1; i < params.length; i++) {
            String[] param = params[i].split("=", 2);
            ct.setParameter(param[0].trim(), param.length > 1 ? param[1].trim() : "");
        }
        r.setContent(body, ct);
        return sendWithAuth(r, password);
    }

    public Response sendMessage(String toAor, String text) throws Exception {
        return sendMessage(toAor, "text/plain", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * Sends an INVITE (no body) to {@code toAor} through the server and, on a 2xx, ACKs it; returns the final
     * response. The dialog is kept for {@link #bye()}.
     */
    public Response invite(String toAor) throws Exception {
        Request r = newRequest(Request.INVITE, toAor, aor(), toAor);
        r.addHeader(headers.createHeader(ContactHeader.NAME, "<" + contactUri() + ">"));
        ClientTransaction ct = provider.getNewClientTransaction(r);
        javax.sip.Dialog d = provider.getNewDialog(ct);
        CompletableFuture<Response> future = new CompletableFuture<>();
        pending.put(ct.getBranchId(), future);
        ct.sendRequest();
        Response response = future.get(10, TimeUnit.SECONDS);
        pending.remove(ct.getBranchId());
        if (response.getStatusCode() / 100 == 2) {
            Request ack = d.createAck(((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber());
            d.sendAck(ack);
            dialog = d;
        }
        return response;
    }

    /** BYE in the dialog of the last successful {@link #invite}; returns the final response. */
    public Response bye() throws Exception {
        Request bye = dialog.createRequest(Request.BYE);
        ClientTransaction ct = provider.getNewClientTransaction(bye);
        CompletableFuture<Response> future = new CompletableFuture<>();
        pending.put(ct.getBranchId(), future);
        dialog.sendRequest(ct);
        try {
            return future.get(10, TimeUnit.SECONDS);
        } finally {
            pending.remove(ct.getBranchId());
        }
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
        return send(retry);
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

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        if (Request.ACK.equals(request.getMethod())) {
            received.add(request); // tests of INVITE dialogs look for the ACK
            return;
        }
        try {
            ServerTransaction st = event.getServerTransaction();
            if (st == null) {
                st = provider.getNewServerTransaction(request);
            }
            received.add(request);
            Response response = messages.createResponse(answerStatus, request);
            if (Request.INVITE.equals(request.getMethod())) {
                // Answered as a UAS that keeps the dialog, so the BYE that follows finds it.
                dialog = provider.getNewDialog(st);
                response.addHeader(headers.createHeader(ContactHeader.NAME, "<" + contactUri() + ">"));
            }
            javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) response.getHeader("To");
            if (to.getTag() == null) {
                to.setTag(newTag());
            }
            st.sendResponse(response);
        } catch (Exception e) {
            throw new IllegalStateException(name + " could not answer " + request.getMethod(), e);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        if (ct == null || event.getResponse().getStatusCode() < 200) {
            return;
        }
        CompletableFuture<Response> f = pending.get(ct.getBranchId());
        if (f != null) {
            f.complete(event.getResponse());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.getClientTransaction() != null) {
            CompletableFuture<Response> f = pending.get(event.getClientTransaction().getBranchId());
            if (f != null) {
                try {
                    f.complete(messages.createResponse(408, event.getClientTransaction().getRequest()));
                } catch (ParseException e) {
                    f.completeExceptionally(e);
                }
            }
        }
    }

    @Override public void processIOException(IOExceptionEvent event) { }
    @Override public void processTransactionTerminated(TransactionTerminatedEvent event) { }
    @Override public void processDialogTerminated(DialogTerminatedEvent event) { }

    @Override
    public void close() {
        stack.stop();
    }

    private static String newTag() {
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
