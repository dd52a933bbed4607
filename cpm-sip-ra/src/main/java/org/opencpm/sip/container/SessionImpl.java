package org.opencpm.sip.container;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.Dialog;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.message.Request;
import org.opencpm.sip.api.SipApplicationSession;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipSession;

/** One leg. Dialog-creating methods get a JAIN-SIP dialog; other requests live in the session alone. */
final class SessionImpl implements SipSession {

    private final SipContainer container;
    private final AppSessionImpl appSession;
    private final String id;
    private final String callId;
    private final Address localParty;
    private final Address remoteParty;
    private final String localTag;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final AtomicLong cseq = new AtomicLong(1);
    private volatile String handler;
    private volatile Dialog dialog;
    private volatile State state = State.INITIAL;
    private volatile boolean valid = true;
    /** The initial request that created a UAS leg (for responses from the other leg of a B2BUA). */
    volatile RequestImpl originalRequest;
    volatile SessionImpl linked;
    volatile Application application;

    SessionImpl(SipContainer container, AppSessionImpl appSession, String callId, Address localParty,
                Address remoteParty, String localTag, String handler, Application application) {
        this.container = container;
        this.appSession = appSession;
        this.id = appSession.getId() + ";" + container.newId();
        this.callId = callId;
        this.localParty = localParty;
        this.remoteParty = remoteParty;
        this.localTag = localTag;
        this.handler = handler;
        this.application = application;
        appSession.addSession(this);
    }

    static boolean createsDialog(String method) {
        return Request.INVITE.equals(method) || Request.SUBSCRIBE.equals(method) || Request.REFER.equals(method);
    }

    String localTag() {
        return localTag;
    }

    Dialog dialog() {
        return dialog;
    }

    void bindDialog(Dialog dialog) {
        this.dialog = dialog;
        dialog.setApplicationData(this);
        container.registerDialog(dialog, this);
    }

    long nextCSeq() {
        return cseq.incrementAndGet();
    }

    void onFinalResponseSent(RequestImpl request, int status) {
        if (createsDialog(request.getMethod()) && request.isInitial()) {
            state = status < 300 ? State.CONFIRMED : State.TERMINATED;
        }
        if (Request.BYE.equals(request.getMethod()) && status < 300) {
            state = State.TERMINATED;
        }
    }

    void onResponseReceived(String method, int status, boolean initial) {
        if (createsDialog(method) && initial) {
            if (status < 200) {
                state = State.EARLY;
            } else {
                state = status < 300 ? State.CONFIRMED : State.TERMINATED;
            }
        }
        if (Request.BYE.equals(method) && status >= 200) {
            state = State.TERMINATED;
        }
    }

    void terminate() {
        state = State.TERMINATED;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getCallId() {
        return callId;
    }

    @Override
    public Address getLocalParty() {
        return localParty;
    }

    @Override
    public Address getRemoteParty() {
        return remoteParty;
    }

    @Override
    public State getState() {
        return state;
    }

    @Override
    public SipApplicationSession getApplicationSession() {
        return appSession;
    }

    AppSessionImpl appSession() {
        return appSession;
    }

    @Override
    public SipServletRequest createRequest(String method) {
        if (!valid) {
            throw new IllegalStateException("session invalidated");
        }
        if (dialog == null) {
            return container.sipFactoryImpl().createRequestInSession(this, method);
        }
        try {
            if (Request.ACK.equals(method)) {
                throw new IllegalStateException("ACK is created from the 2xx response (createAck)");
            }
            Request request = dialog.createRequest(method);
            return new RequestImpl(container, request, this, null, false);
        } catch (SipException e) {
            throw new IllegalStateException("cannot create " + method + " in dialog: " + e.getMessage(), e);
        }
    }

    @Override
    public String getHandler() {
        return handler;
    }

    @Override
    public void setHandler(String servletName) {
        this.handler = servletName;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public void invalidate() {
        if (!valid) {
            return;
        }
        valid = false;
        state = State.TERMINATED;
        Dialog d = dialog;
        if (d != null) {
            container.unregisterDialog(d);
            d.delete();
        }
        SessionImpl other = linked;
        if (other != null) {
            other.linked = null;
            linked = null;
        }
        attributes.clear();
    }
}
