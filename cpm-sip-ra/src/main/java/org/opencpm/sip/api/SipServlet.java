package org.opencpm.sip.api;

/**
 * Base class of SIP servlets. The container calls {@link #service(SipServletMessage)}, which dispatches to the
 * {@code doXxx} method of the request's method or to the response handlers. A request method the servlet does not
 * override is answered 501 (initial requests) as in SIP Servlet 1.1 section 2.3.
 */
public abstract class SipServlet {

    public void service(SipServletMessage message) throws Exception {
        if (message instanceof SipServletRequest request) {
            doRequest(request);
        } else {
            doResponse((SipServletResponse) message);
        }
    }

    protected void doRequest(SipServletRequest request) throws Exception {
        switch (request.getMethod()) {
            case "INVITE" -> doInvite(request);
            case "ACK" -> doAck(request);
            case "BYE" -> doBye(request);
            case "CANCEL" -> doCancel(request);
            case "MESSAGE" -> doMessage(request);
            case "REGISTER" -> doRegister(request);
            case "OPTIONS" -> doOptions(request);
            case "SUBSCRIBE" -> doSubscribe(request);
            case "NOTIFY" -> doNotify(request);
            case "REFER" -> doRefer(request);
            case "INFO" -> doInfo(request);
            case "UPDATE" -> doUpdate(request);
            case "PRACK" -> doPrack(request);
            case "PUBLISH" -> doPublish(request);
            default -> notImplemented(request);
        }
    }

    protected void doInvite(SipServletRequest request) throws Exception { notImplemented(request); }
    protected void doAck(SipServletRequest request) throws Exception { /* ACK is never answered */ }
    protected void doBye(SipServletRequest request) throws Exception { notImplemented(request); }
    protected void doCancel(SipServletRequest request) throws Exception { /* the container answers CANCEL */ }
    protected void doMessage(SipServletRequest request) throws Exception { notImplemented(request); }
    protected void doRegister(SipServletRequest request) throws Exception { notImplemented(request); }
    protected void doOptions(SipServletRequest request) throws Exception { notImplemented(request); }
    protected void doSubscribe(SipServletRequest request) throws Exception { notImplemented(request); }
    protected void doNotify(SipServletRequest request) throws Exception { notImplemented(request); }
    protected void doRefer(SipServletRequest request) throws Exception { notImplemented(request); }
    protected void doInfo(SipServletRequest request) throws Exception { notImplemented(request); }
    protected void doUpdate(SipServletRequest request) throws Exception { notImplemented(request); }
    protected void doPrack(SipServletRequest request) throws Exception { notImplemented(request); }
    protected void doPublish(SipServletRequest request) throws Exception { notImplemented(request); }

    /** Responses to requests this servlet sent; dispatched by class. */
    protected void doResponse(SipServletResponse response) throws Exception {
        int status = response.getStatus();
        if (status < 200) {
            doProvisionalResponse(response);
        } else if (status < 300) {
            doSuccessResponse(response);
        } else {
            doErrorResponse(response);
        }
    }

    protected void doProvisionalResponse(SipServletResponse response) throws Exception { }
    protected void doSuccessResponse(SipServletResponse response) throws Exception { }
    protected void doErrorResponse(SipServletResponse response) throws Exception { }

    /** Called when a timer created through {@link TimerService} for this servlet fires. */
    public void timeout(ServletTimer timer) throws Exception { }

    private static void notImplemented(SipServletRequest request) throws Exception {
        request.createResponse(501).send();
    }
}
