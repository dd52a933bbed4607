package org.opencpm.sip.testkit;

import gov.nist.javax.sip.header.SIPHeader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * One INVITE dialog of a {@link SipTestAgent}, from either end: a call the agent placed ({@link #isOutgoing()}) or
 * one it answered. It holds the dialog, the responses to the INVITE and the requests the far end sent in the
 * dialog, and sends ACK, BYE, re-INVITE and CANCEL as a user agent would. Requests from the far end are answered by
 * policy: BYE with {@link #onBye(int) a status} (200 by default), re-INVITE with {@link #onReinvite an answer
 * function}, anything else 200.
 */
public final class SipCall {

    private static final long WAIT_SECONDS = 10;

    private final SipTestAgent agent;
    private final boolean outgoing;
    private final boolean autoAck;
    /** To tag of the responses this end sends to the initial INVITE (answered calls). */
    private final String localTag;
    private final List<Response> provisional = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Response> finalResponse = new CompletableFuture<>();
    /** Requests received in the dialog, in order; guarded by {@code this}. */
    private final List<Request> requests = new ArrayList<>();
    /** Per method, how many of {@link #requests} {@link #awaitRequest} already returned; guarded by {@code this}. */
    private final Map<String, Integer> taken = new HashMap<>();
    private volatile Request invite;
    private volatile Dialog dialog;
    private volatile ClientTransaction inviteClientTx;
    private volatile ServerTransaction inviteServerTx;
    private volatile Response challenge;
    private volatile int byeStatus;
    private volatile Function<Request, Answer> reinviteAnswer;
    private volatile boolean ackSent;
    private volatile boolean terminated;
    /** Whether the initial INVITE got its final response from this end (answered calls); guarded by {@code this}. */
    private boolean answered;

    private SipCall(SipTestAgent agent, boolean outgoing, boolean autoAck, int byeStatus,
                    Function<Request, Answer> reinviteAnswer) {
        this.agent = agent;
        this.outgoing = outgoing;
        this.autoAck = autoAck;
        this.localTag = outgoing ? null : SipTestAgent.newTag();
        this.byeStatus = byeStatus;
        this.reinviteAnswer = reinviteAnswer;
    }

    static SipCall outgoing(SipTestAgent agent, Request invite, boolean autoAck, int byeStatus,
                            Function<Request, Answer> reinviteAnswer) throws SipException {
        SipCall call = new SipCall(agent, true, autoAck, byeStatus, reinviteAnswer);
        call.sendInvite(invite);
        return call;
    }

    static SipCall incoming(SipTestAgent agent, Request invite, ServerTransaction st, int byeStatus,
                            Function<Request, Answer> reinviteAnswer) throws SipException {
        SipCall call = new SipCall(agent, false, false, byeStatus, reinviteAnswer);
        call.invite = invite;
        call.inviteServerTx = st;
        call.dialog = agent.provider().getNewDialog(st);
        call.dialog.setApplicationData(call);
        st.setApplicationData(call);
        return call;
    }

    // ------------------------------------------------------------------ what the test reads

    /** True for a call this agent placed, false for one it answered. */
    public boolean isOutgoing() {
        return outgoing;
    }

    /** The INVITE: as last sent (with credentials, after a challenge) or as received. */
    public Request invite() {
        return invite;
    }

    /** The 401 or 407 the first INVITE got and this agent answered, or null. */
    public Response challenge() {
        return challenge;
    }

    public Dialog dialog() {
        return dialog;
    }

    public String callId() {
        return ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
    }

    /** Provisional responses to the INVITE: received (placed calls) or sent (answered calls). */
    public List<Response> provisionalResponses() {
        return List.copyOf(provisional);
    }

    /** The first provisional response with this status, waiting for it; null after the timeout. */
    public Response awaitProvisional(int status, long timeout, TimeUnit unit) throws InterruptedException {
        return await(() -> provisional.stream().filter(r -> r.getStatusCode() == status).findFirst().orElse(null),
                timeout, unit);
    }

    /** The final response to the INVITE (received or sent), waiting up to 10 s for it. */
    public Response finalResponse() throws InterruptedException, ExecutionException, TimeoutException {
        return awaitFinalResponse(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    public Response awaitFinalResponse(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return finalResponse.get(timeout, unit);
    }

    /** Status of the final response (waits for it). */
    public int status() throws InterruptedException, ExecutionException, TimeoutException {
        return finalResponse().getStatusCode();
    }

    /** Every value of a header of the final response, one per header field value. */
    public List<String> headers(String name) throws InterruptedException, ExecutionException, TimeoutException {
        List<String> values = new ArrayList<>();
        ListIterator<?> it = finalResponse().getHeaders(name);
        while (it != null && it.hasNext()) {
            values.add(((SIPHeader) it.next()).getHeaderValue());
        }
        return values;
    }

    /** First value of a header of the final response, or null. */
    public String header(String name) throws InterruptedException, ExecutionException, TimeoutException {
        Header h = finalResponse().getHeader(name);
        return h == null ? null : ((SIPHeader) h).getHeaderValue();
    }

    /** Body of the final response; empty when there is none. */
    public byte[] body() throws InterruptedException, ExecutionException, TimeoutException {
        byte[] raw = finalResponse().getRawContent();
        return raw == null ? new byte[0] : raw;
    }

    public String bodyText() throws InterruptedException, ExecutionException, TimeoutException {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** Every request the far end sent in this call after its INVITE (ACK, BYE, re-INVITE, CANCEL...), in order. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /**
     * The next request of this method received in the dialog that no earlier call of this method returned; waits
     * for it, null after the timeout.
     */
    public Request awaitRequest(String method, long timeout, TimeUnit unit) throws InterruptedException {
        return await(() -> {
            int skip = taken.getOrDefault(method, 0);
            for (Request r : requests) {
                if (r.getMethod().equals(method) && skip-- == 0) {
                    taken.merge(method, 1, Integer::sum);
                    return r;
                }
            }
            return null;
        }, timeout, unit);
    }

    /** The next ACK (answered calls: of the 2xx to the INVITE or to a re-INVITE). */
    public Request awaitAck(long timeout, TimeUnit unit) throws InterruptedException {
        return awaitRequest(Request.ACK, timeout, unit);
    }

    /** True once a BYE went either way, or the INVITE failed or was cancelled. */
    public boolean isTerminated() {
        return terminated;
    }

    // ------------------------------------------------------------------ policies

    /** Status this end answers a BYE with (200 by default); the dialog ends with the BYE all the same. */
    public SipCall onBye(int status) {
        this.byeStatus = status;
        return this;
    }

    /** How this end answers a re-INVITE from the far end (the SDP answer, say). */
    public SipCall onReinvite(Function<Request, Answer> answer) {
        this.reinviteAnswer = answer;
        return this;
    }

    // ------------------------------------------------------------------ what the test sends

    /** ACKs the 2xx (placed calls made with {@code autoAck(false)}). */
    public void ack() throws Exception {
        ack(null, null);
    }

    /** ACK with a body (the SDP answer of a late offer). */
    public void ack(String contentType, byte[] body) throws Exception {
        if (!outgoing) {
            throw new IllegalStateException("only the caller acknowledges");
        }
        Response ok = finalResponse();
        if (ok.getStatusCode() / 100 != 2) {
            throw new IllegalStateException("no 2xx to acknowledge: " + ok.getStatusCode());
        }
        sendAck(ok, contentType, body);
    }

    /** BYE in the dialog; returns its final response. */
    public Response bye() throws Exception {
        Request bye = dialog.createRequest(Request.BYE);
        terminated = true;
        return agent.sendInDialog(dialog, bye);
    }

    /** A re-INVITE with this offer (or none when {@code body} is null); a 2xx is ACKed. Returns the final response. */
    public Response reinvite(String contentType, byte[] body) throws Exception {
        Request reinvite = dialog.createRequest(Request.INVITE);
        reinvite.setHeader(agent.contactHeader());
        if (body != null) {
            reinvite.setContent(body, agent.contentTypeHeader(contentType));
        }
        Response response = agent.sendInDialog(dialog, reinvite);
        if (response.getStatusCode() / 100 == 2) {
            long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            dialog.sendAck(dialog.createAck(cseq));
        }
        return response;
    }

    public Response reinvite(String contentType, String body) throws Exception {
        return reinvite(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * CANCELs the INVITE of a placed call that has no final response yet, once a provisional response came (waiting
     * up to 5 s for one, as RFC 3261 section 9.1 asks). Returns the response to the CANCEL; the INVITE's own final
     * response (487, normally) follows in {@link #finalResponse()}.
     */
    public Response cancel() throws Exception {
        if (!outgoing) {
            throw new IllegalStateException("only the caller cancels");
        }
        await(() -> provisional.isEmpty() && !finalResponse.isDone() ? null : Boolean.TRUE, 5, TimeUnit.SECONDS);
        if (finalResponse.isDone()) {
            throw new IllegalStateException("the INVITE was already answered " + finalResponse.get().getStatusCode());
        }
        Request cancel = inviteClientTx.createCancel();
        ClientTransaction ct = agent.provider().getNewClientTransaction(cancel);
        return agent.sendAndAwait(ct, ct::sendRequest);
    }

    // ------------------------------------------------------------------ placed calls: INVITE responses

    private void sendInvite(Request request) throws SipException {
        ClientTransaction ct = agent.provider().getNewClientTransaction(request);
        Dialog d = agent.provider().getNewDialog(ct);
        d.setApplicationData(this);
        ct.setApplicationData(this);
        invite = request;
        inviteClientTx = ct;
        dialog = d;
        ct.sendRequest();
    }

    /** From the agent: a response (or a made-up 408) on a client transaction of this call's INVITE. */
    void onInviteResponse(ClientTransaction ct, Response response) {
        if (ct != inviteClientTx) {
            return; // late news of the challenged attempt
        }
        int status = response.getStatusCode();
        if (status < 200) {
            provisional.add(response);
            signal();
            return;
        }
        if ((status == 401 || status == 407) && challenge == null) {
            challenge = response;
            try {
                sendInvite(agent.withCredentials(invite, response));
            } catch (Exception e) {
                finalResponse.completeExceptionally(e);
            }
            return;
        }
        if (finalResponse.isDone()) {
            return; // a retransmitted final response
        }
        if (status / 100 == 2 && autoAck) {
            try {
                sendAck(response, null, null);
            } catch (Exception e) {
                finalResponse.completeExceptionally(e);
                return;
            }
        }
        if (status >= 300) {
            terminated = true;
        }
        finalResponse.complete(response);
        signal();
    }

    private void sendAck(Response ok, String contentType, byte[] body) throws Exception {
        long cseq = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
        Request ack = dialog.createAck(cseq);
        if (body != null) {
            ack.setContent(body, agent.contentTypeHeader(contentType));
        }
        dialog.sendAck(ack);
        ackSent = true;
    }

    /** True once this end sent the ACK of the 2xx to the initial INVITE. */
    public boolean ackSent() {
        return ackSent;
    }

    // ------------------------------------------------------------------ answered calls: the initial INVITE

    /** Answers the initial INVITE: 180 first when asked, the final response at once or after the delay. */
    void answer(Answer answer) throws Exception {
        if (answer.ringing() && answer.status() >= 200) {
            provisional.add(respond(inviteServerTx, invite, Answer.status(180)));
        }
        if (answer.delay().isZero()) {
            answerInvite(answer);
        } else {
            agent.schedule(() -> {
                try {
                    answerInvite(answer);
                } catch (Exception e) {
                    finalResponse.completeExceptionally(e);
                }
            }, answer.delay());
        }
    }

    private synchronized void answerInvite(Answer answer) throws Exception {
        if (answered) {
            return; // cancelled meanwhile
        }
        Response response = respond(inviteServerTx, invite, answer);
        if (answer.status() < 200) {
            provisional.add(response);
        } else {
            answered = true;
            terminated = answer.status() >= 300;
            finalResponse.complete(response);
        }
        notifyAll();
    }

    /** From the agent, which answered the CANCEL 200: the INVITE gets 487 unless it has its final response. */
    synchronized void onCancel(Request cancel) throws Exception {
        record(cancel);
        if (answered) {
            return;
        }
        answered = true;
        terminated = true;
        finalResponse.complete(respond(inviteServerTx, invite, Answer.status(487)));
    }

    // ------------------------------------------------------------------ requests in the dialog

    void onAck(Request ack) {
        record(ack);
    }

    /** From the agent: a request of the far end in this dialog, on its server transaction. */
    void onRequest(Request request, ServerTransaction st) throws Exception {
        record(request);
        switch (request.getMethod()) {
            case Request.BYE -> {
                terminated = true; // JAIN-SIP ends the dialog on a BYE, whatever the answer
                respond(st, request, Answer.status(byeStatus));
            }
            case Request.INVITE -> {
                Answer answer = reinviteAnswer.apply(request);
                if (answer.delay().isZero()) {
                    respond(st, request, answer);
                } else {
                    agent.schedule(() -> {
                        try {
                            respond(st, request, answer);
                        } catch (Exception e) {
                            throw new IllegalStateException("could not answer the re-INVITE", e);
                        }
                    }, answer.delay());
                }
            }
            default -> respond(st, request, Answer.status(200));
        }
    }

    private Response respond(ServerTransaction st, Request request, Answer answer) throws Exception {
        Response response = agent.messages().createResponse(answer.status(), request);
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to.getTag() == null && answer.status() > 100) {
            to.setTag(localTag);
        }
        if (Request.INVITE.equals(request.getMethod()) && answer.status() > 100 && answer.status() < 300) {
            response.setHeader(agent.contactHeader());
        }
        agent.addHeaders(response, answer.headers());
        if (answer.body() != null) {
            response.setContent(answer.body(), agent.contentTypeHeader(answer.contentType()));
        }
        st.sendResponse(response);
        return response;
    }

    // ------------------------------------------------------------------ waiting

    private synchronized void record(Request request) {
        requests.add(request);
        notifyAll();
    }

    private synchronized void signal() {
        notifyAll();
    }

    /** Waits, on this call's monitor, until {@code probe} gives non-null; null after the timeout. */
    private synchronized <T> T await(Supplier<T> probe, long timeout, TimeUnit unit)
            throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        T found = probe.get();
        while (found == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
            found = probe.get();
        }
        return found;
    }
}
