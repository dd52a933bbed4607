package org.opencpm.sipservlets.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.opencpm.sip.api.ServletName;
import org.opencpm.sip.api.ServletTimer;
import org.opencpm.sip.api.SipServlet;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;
import org.opencpm.sipservlets.participating.OriginatingSessions;

/**
 * INVITE dialogs with MSRP media: a new INVITE goes to the originating PF ({@link OriginatingSessions}); everything
 * within a dialog, and every response, to the leg that owns the dialog, under its chain's lock.
 */
@ServletName(SessionServlet.NAME)
@ApplicationScoped
public class SessionServlet extends SipServlet {

    public static final String NAME = "sessions";

    private OriginatingSessions originating;

    protected SessionServlet() {
    }

    @Inject
    public SessionServlet(OriginatingSessions originating) {
        this.originating = originating;
    }

    @Override
    protected void doRequest(SipServletRequest request) throws Exception {
        if (request.isInitial()) {
            if ("INVITE".equals(request.getMethod())) {
                originating.invite(request);
            } else {
                super.doRequest(request);
            }
            return;
        }
        Optional<SipLeg> leg = SipLeg.of(request.getSession());
        if (leg.isEmpty()) {
            if (!"ACK".equals(request.getMethod())) {
                request.createResponse(481, "Call/Transaction Does Not Exist").send();
            }
            return;
        }
        synchronized (leg.get().chain().lock()) {
            leg.get().onRequest(request);
        }
    }

    @Override
    protected void doResponse(SipServletResponse response) {
        SipLeg.of(response.getSession()).ifPresent(leg -> {
            synchronized (leg.chain().lock()) {
                leg.onResponse(response);
            }
        });
    }

    @Override
    public void timeout(ServletTimer timer) {
        if (timer.getInfo() instanceof SessionChain.Task task) {
            task.run();
        }
    }
}
