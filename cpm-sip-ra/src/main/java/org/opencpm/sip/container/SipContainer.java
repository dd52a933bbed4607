package org.opencpm.sip.container;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.Transaction;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.opencpm.sip.api.B2buaHelper;
import org.opencpm.sip.api.ServletTimer;
import org.opencpm.sip.api.SipEndpoint;
import org.opencpm.sip.api.SipServletMessage;
import org.opencpm.sip.api.TimerService;

/**
 * The SIP servlet container: one JAIN-SIP stack, its UDP/TCP listening points on one address, and the routing of
 * every message to a servlet of a deployed {@link Application}.
 */
public final class SipContainer implements SipListener {

    private static final Logger LOG = Logger.getLogger(SipContainer.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ContainerConfig config;
    private final Properties routingProperties;
    private final List<Application> applications = new CopyOnWriteArrayList<>();
    private final Map<String, SessionImpl> dialogs = new ConcurrentHashMap<>();
    private final Map<String, AppSessionImpl> appSessions = new ConcurrentHashMap<>();
    private final SipFactoryImpl sipFactory = new SipFactoryImpl(this);
    private final B2buaHelperImpl b2buaHelper = new B2buaHelperImpl(this);
    private final TimerServiceImpl timerService = new TimerServiceImpl(this);

    private SipStackImpl stack;
    private SipProvider provider;
    private Thread eventScanner;
    private HeaderFactory headerFactory;
    private MessageFactory messageFactory;
    private AddressFactory addressFactory;
    private ScheduledExecutorService scheduler;
    private final List<String> listeningPoints = new ArrayList<>();

    public SipContainer(ContainerConfig config, Properties routingProperties) {
        this.config = config;
        this.routingProperties = routingProperties;
    }

    /** Creates the stack and binds every listening point; a port in use fails here, cleanly. */
    public synchronized void start() throws SipException {
        if (stack != null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", config.stackName());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", "org.opencpm.sip.logging.JulStackLogger");
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", "org.opencpm.sip.logging.JulServerLogger");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(config.threads()));
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "20000");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "20000");
        // Bound what one message may make us hold: RFC 3261 gives no limit; 64 KiB is far above any CPM pager body.
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", "0");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        SipStackImpl created;
        try {
            created = new SipStackImpl(p);
        } catch (javax.sip.PeerUnavailableException e) {
            throw new SipException("cannot create SIP stack: " + e.getMessage(), e);
        }
        try {
            SipFactory factory = SipFactory.getInstance();
            headerFactory = factory.createHeaderFactory();
            messageFactory = factory.createMessageFactory();
            addressFactory = factory.createAddressFactory();
            SipProvider prov = null;
            for (String transport : config.transports()) {
                ListeningPoint lp = created.createListeningPoint(config.host(), config.port(), transport.toLowerCase());
                if (prov == null) {
                    prov = created.createSipProvider(lp);
                } else {
                    prov.addListeningPoint(lp);
                }
                listeningPoints.add(transport + " " + config.host() + ":" + config.port());
            }
            prov.addSipListener(this);
            provider = prov;
            created.start();
            stack = created;
            eventScanner = eventScannerThread(created);
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sip-timers-" + config.port());
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::sweepApplicationSessions, 30, 30, TimeUnit.SECONDS);
            LOG.info("SIP listening on " + listeningPoints);
        } catch (InvalidArgumentException | javax.sip.TransportNotSupportedException | ObjectInUseException | TooManyListenersException e) {
            listeningPoints.clear();
            created.stop();
            throw new SipException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        } catch (javax.sip.PeerUnavailableException e) {
            created.stop();
            throw new SipException(e.getMessage(), e);
        } catch (RuntimeException e) {
            listeningPoints.clear();
            created.stop();
            throw e;
        }
    }

    /** Stops the stack and releases its sockets and threads. */
    public synchronized void stop() {
        if (stack == null) {
            return;
        }
        scheduler.shutdownNow();
        appSessions.values().forEach(AppSessionImpl::invalidate);
        dialogs.clear();
        stack.stop();
        // JAIN-SIP leaves its event scanner blocked after stop(); without this every undeploy leaks a thread.
        if (eventScanner != null) {
            eventScanner.interrupt();
        }
        stack = null;
        provider = null;
        listeningPoints.clear();
        LOG.info("SIP stopped on " + config.host() + ":" + config.port());
    }

    public synchronized boolean isRunning() {
        return stack != null;
    }

    public void deploy(String name, RoutingRules rules, SipEndpoint endpoint) {
        applications.add(new Application(name, rules, endpoint));
        LOG.info("SIP application " + name + " deployed with rules " + rules.rules());
    }

    public void deploy(String name, String rulesText, SipEndpoint endpoint) {
        deploy(name, RoutingRules.parse(rulesText, routingProperties), endpoint);
    }

    public void undeploy(SipEndpoint endpoint) {
        applications.removeIf(app -> app.endpoint() == endpoint);
    }

    public List<String> listeningPoints() {
        return List.copyOf(listeningPoints);
    }

    public ContainerConfig config() {
        return config;
    }

    public org.opencpm.sip.api.SipFactory sipFactory() {
        return sipFactory;
    }

    SipFactoryImpl sipFactoryImpl() {
        return sipFactory;
    }

    public TimerService timerService() {
        return timerService;
    }

    B2buaHelper b2buaHelper() {
        return b2buaHelper;
    }

    HeaderFactory headerFactory() {
        return headerFactory;
    }

    MessageFactory messageFactory() {
        return messageFactory;
    }

    AddressFactory addressFactory() {
        return addressFactory;
    }

    SipProvider provider() {
        SipProvider p = provider;
        if (p == null) {
            throw new IllegalStateException("SIP container is not running");
        }
        return p;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    String newId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    String newTag() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    AppSessionImpl newApplicationSession() {
        AppSessionImpl s = new AppSessionImpl(this, newId());
        appSessions.put(s.getId(), s);
        return s;
    }

    void removeApplicationSession(AppSessionImpl session) {
        appSessions.remove(session.getId());
    }

    /** How many application sessions are alive; tests use it to show nothing is left behind. */
    public int applicationSessionCount() {
        return appSessions.size();
    }

    void registerDialog(Dialog dialog, SessionImpl session) {
        if (dialog.getDialogId() != null) {
            dialogs.put(dialog.getDialogId(), session);
        }
    }

    void unregisterDialog(Dialog dialog) {
        if (dialog.getDialogId() != null) {
            dialogs.remove(dialog.getDialogId());
        }
    }

    ContactHeader contactHeader(String transport) {
        try {
            SipURI uri = addressFactory.createSipURI(null, config.host());
            uri.setPort(config.port());
            if (transport != null && !"UDP".equalsIgnoreCase(transport)) {
                uri.setTransportParam(transport.toLowerCase());
            }
            return headerFactory.createContactHeader(addressFactory.createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    ViaHeader viaHeader(String transport) {
        try {
            return headerFactory.createViaHeader(config.host(), config.port(), transport, null);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- inbound

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        try {
            if (Request.ACK.equals(method)) {
                processAck(event);
                return;
            }
            if (Request.CANCEL.equals(method)) {
                processCancel(event);
                return;
            }
            ServerTransaction st = event.getServerTransaction();
            if (st == null) {
                try {
                    st = provider().getNewServerTransaction(request);
                } catch (TransactionAlreadyExistsException e) {
                    return; // a retransmission the transaction layer answers by itself
                }
            }
            String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
            if (toTag != null) {
                processSubsequent(event, st);
            } else {
                processInitial(event, st);
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "failed to process " + RequestImpl.describe(request), e);
        }
    }

    private void processInitial(RequestEvent event, ServerTransaction st) throws Exception {
        Request request = event.getRequest();
        Optional<Route> route = route(request);
        if (route.isEmpty()) {
            if (Request.OPTIONS.equals(request.getMethod())) {
                respondStateless(st, request, 200, null);
            } else {
                respondStateless(st, request, 404, "No application serves this request");
            }
            return;
        }
        MaxForwardsHeader mf = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (mf != null && mf.getMaxForwards() == 0 && !Request.REGISTER.equals(request.getMethod())
                && !Request.OPTIONS.equals(request.getMethod())) {
            respondStateless(st, request, 483, null);
            return;
        }
        AppSessionImpl appSession = newApplicationSession();
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        SessionImpl session = new SessionImpl(this, appSession,
                ((javax.sip.header.CallIdHeader) request.getHeader("Call-ID")).getCallId(),
                to.getAddress(), from.getAddress(), newTag(), route.get().servlet(), route.get().application());
        RequestImpl req = new RequestImpl(this, request, session, st, true);
        session.originalRequest = req;
        setPeer(req, event);
        st.setApplicationData(req);
        if (SessionImpl.createsDialog(request.getMethod())) {
            Dialog dialog = provider().getNewDialog(st);
            session.bindDialog(dialog);
        }
        dispatch(session, req);
    }

    private void processSubsequent(RequestEvent event, ServerTransaction st) throws Exception {
        Request request = event.getRequest();
        Dialog dialog = st.getDialog() != null ? st.getDialog() : event.getDialog();
        SessionImpl session = dialog == null ? null : dialogs.get(dialog.getDialogId());
        if (session == null || !session.isValid()) {
            respondStateless(st, request, 481, null);
            return;
        }
        RequestImpl req = new RequestImpl(this, request, session, st, false);
        setPeer(req, event);
        st.setApplicationData(req);
        dispatch(session, req);
    }

    private void processAck(RequestEvent event) {
        Dialog dialog = event.getDialog();
        SessionImpl session = dialog == null ? null : dialogs.get(dialog.getDialogId());
        if (session == null) {
            return; // ACK for a non-2xx final response: absorbed by the transaction layer
        }
        RequestImpl req = new RequestImpl(this, event.getRequest(), session, null, false);
        setPeer(req, event);
        dispatch(session, req);
    }

    private void processCancel(RequestEvent event) throws Exception {
        Request cancel = event.getRequest();
        ServerTransaction cancelTx = event.getServerTransaction();
        if (cancelTx == null) {
            try {
                cancelTx = provider().getNewServerTransaction(cancel);
            } catch (TransactionAlreadyExistsException e) {
                return;
            }
        }
        SIPServerTransaction inviteTx = (SIPServerTransaction) ((SIPServerTransaction) cancelTx).getCanceledInviteTransaction();
        if (inviteTx == null || !(inviteTx.getApplicationData() instanceof RequestImpl invite)) {
            respondStateless(cancelTx, cancel, 481, null);
            return;
        }
        cancelTx.sendResponse(messageFactory.createResponse(200, cancel));
        if (!invite.isCommitted()) {
            invite.createResponse(487).send();
            RequestImpl cancelReq = new RequestImpl(this, cancel, invite.session, null, false);
            setPeer(cancelReq, event);
            dispatch(invite.session, cancelReq);
        }
    }

    private void setPeer(RequestImpl req, RequestEvent event) {
        SIPMessage m = (SIPMessage) event.getRequest();
        req.setPeer(m.getTopmostVia().getTransport().toUpperCase(), m.getRemoteAddress().getHostAddress(),
                m.getRemotePort());
    }

    private void respondStateless(ServerTransaction st, Request request, int status, String reason) throws Exception {
        Response response = messageFactory.createResponse(status, request);
        if (reason != null) {
            response.setReasonPhrase(reason);
        }
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to.getTag() == null && status > 100) {
            to.setTag(newTag());
        }
        st.sendResponse(response);
    }

    record Route(Application application, String servlet) {
    }

    /** The servlet being called on this thread: requests it creates send their responses back to it. */
    private static final ThreadLocal<Route> CURRENT = new ThreadLocal<>();

    static Route current() {
        return CURRENT.get();
    }

    private Optional<Route> route(Request request) {
        for (Application app : applications) {
            Optional<RoutingRule> rule = app.rules().route(request);
            if (rule.isPresent()) {
                return Optional.of(new Route(app, rule.get().servlet()));
            }
        }
        return Optional.empty();
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        Response response = event.getResponse();
        if (ct == null || !(ct.getApplicationData() instanceof RequestImpl request)) {
            return; // a stray or retransmitted 2xx; the dialog layer re-ACKs what it knows
        }
        SessionImpl session = request.session;
        if (event.getDialog() != null && session.dialog() == null && SessionImpl.createsDialog(request.getMethod())) {
            session.bindDialog(event.getDialog());
        } else if (session.dialog() != null) {
            registerDialog(session.dialog(), session); // the dialog id is known once the To tag arrives
        }
        session.onResponseReceived(request.getMethod(), response.getStatusCode(), request.isInitial());
        ResponseImpl r = new ResponseImpl(this, response, session, request);
        SIPMessage m = (SIPMessage) response;
        r.setPeer(request.getTransport(), m.getRemoteAddress() == null ? null : m.getRemoteAddress().getHostAddress(),
                m.getRemotePort());
        dispatch(session, r);
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            return;
        }
        Transaction ct = event.getClientTransaction();
        if (ct != null && ct.getApplicationData() instanceof RequestImpl request) {
            deliverSyntheticResponse(request, 408, "Request Timeout");
        }
    }

    /** A response the container makes up for a request that got none (timeout, transport failure). */
    void deliverSyntheticResponse(RequestImpl request, int status, String reason) {
        try {
            Response response = messageFactory.createResponse(status, request.request());
            response.setReasonPhrase(reason);
            ResponseImpl r = new ResponseImpl(this, response, request.session, request);
            r.setPeer(request.getTransport(), null, -1);
            Runnable task = () -> dispatch(request.session, r);
            ScheduledExecutorService s = scheduler;
            if (s != null && !s.isShutdown()) {
                s.execute(task); // never call the servlet back from within its own send()
            }
        } catch (ParseException e) {
            LOG.log(Level.WARNING, "cannot synthesise " + status, e);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.fine("I/O error towards " + event.getHost() + ":" + event.getPort() + "/" + event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // Sessions are reclaimed by invalidation or expiry, not per transaction.
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        Dialog dialog = event.getDialog();
        SessionImpl session = dialog.getDialogId() == null ? null : dialogs.remove(dialog.getDialogId());
        if (session != null) {
            session.terminate();
        }
    }

    // ---------------------------------------------------------------- outbound

    void send(RequestImpl request) {
        Request r = request.request();
        try {
            SessionImpl session = request.session;
            if (Request.ACK.equals(r.getMethod())) {
                session.dialog().sendAck(r);
                return;
            }
            if (Request.CANCEL.equals(r.getMethod())) {
                // Hop by hop, outside the dialog; its 200 is for the transaction layer, not the servlet.
                provider().getNewClientTransaction(r).sendRequest();
                return;
            }
            ClientTransaction ct = provider().getNewClientTransaction(r);
            ct.setApplicationData(request);
            request.clientTransaction = ct;
            if (session.dialog() != null && !request.isInitial()) {
                session.dialog().sendRequest(ct);
            } else {
                if (SessionImpl.createsDialog(r.getMethod())) {
                    session.bindDialog(provider().getNewDialog(ct));
                }
                ct.sendRequest();
            }
        } catch (SipException | RuntimeException e) {
            request.failLocally(503, "Service Unavailable", e);
        }
    }

    // ---------------------------------------------------------------- dispatch

    void dispatch(SessionImpl session, SipServletMessage message) {
        Application app = session.application;
        String servlet = session.getHandler();
        if (app == null || !applications.contains(app)) {
            answerUnhandled(message, 503, "Application not available");
            return;
        }
        AppSessionImpl appSession = session.appSession();
        // SIP Servlet 1.1 section 6.1.1: messages of one application session are handled one at a time.
        synchronized (appSession) {
            CURRENT.set(new Route(app, servlet));
            try {
                app.endpoint().onMessage(servlet, message);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "servlet " + servlet + " failed on " + summary(message), e);
                answerUnhandled(message, 500, "Server Internal Error");
            } finally {
                CURRENT.remove();
            }
        }
    }

    void dispatchTimeout(TimerServiceImpl.TimerImpl timer) {
        AppSessionImpl appSession = timer.appSession();
        Application app = timer.application();
        if (app == null || !applications.contains(app) || !appSession.isValid()) {
            return;
        }
        synchronized (appSession) {
            CURRENT.set(new Route(app, timer.servletName()));
            try {
                app.endpoint().onTimeout(timer.servletName(), timer);
            } catch (Exception e) {
                LOG.log(Level.WARNING, "servlet " + timer.servletName() + " failed on timer " + timer.getId(), e);
            } finally {
                CURRENT.remove();
            }
        }
    }

    Application applicationOf(AppSessionImpl appSession) {
        Route current = CURRENT.get();
        if (current != null) {
            return current.application();
        }
        for (org.opencpm.sip.api.SipSession s : appSession.getSessions()) {
            Application a = ((SessionImpl) s).application;
            if (a != null) {
                return a;
            }
        }
        return applications.isEmpty() ? null : applications.get(0);
    }

    private void answerUnhandled(SipServletMessage message, int status, String reason) {
        if (message instanceof RequestImpl req && req.isIncoming() && !req.isCommitted()
                && !Request.ACK.equals(req.getMethod())) {
            try {
                req.createResponse(status, reason).send();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not answer " + status, e);
            }
        }
    }

    private static String summary(SipServletMessage message) {
        if (message instanceof RequestImpl r) {
            return RequestImpl.describe(r.request());
        }
        ResponseImpl resp = (ResponseImpl) message;
        return resp.getStatus() + " for " + resp.getMethod() + " Call-ID " + resp.getCallId();
    }

    private void sweepApplicationSessions() {
        long now = System.currentTimeMillis();
        appSessions.values().stream().filter(s -> s.expired(now)).forEach(AppSessionImpl::invalidate);
    }

    /** The stack's event scanner thread, read from its private field: JAIN-SIP offers no accessor for it. */
    private static Thread eventScannerThread(SipStackImpl stack) {
        try {
            Object scanner = stack.getEventScanner();
            java.lang.reflect.Field f = scanner.getClass().getDeclaredField("myThread");
            f.setAccessible(true);
            return (Thread) f.get(scanner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "event scanner thread not found; it may outlive stop()", e);
            return null;
        }
    }
}
