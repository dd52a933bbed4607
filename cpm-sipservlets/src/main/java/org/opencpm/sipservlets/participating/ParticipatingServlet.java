package org.opencpm.sipservlets.participating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sip.address.SipURI;
import org.opencpm.authentication.CredentialsSource;
import org.opencpm.deferral.NotificationDeduplicator;
import org.opencpm.group.Group;
import org.opencpm.message.imdn.ImdnDocument;
import org.opencpm.participating.BadMessageException;
import org.opencpm.participating.PagerModeLimits;
import org.opencpm.participating.PayloadInspector;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.sip.api.ServletName;
import org.opencpm.sip.api.ServletTimer;
import org.opencpm.sip.api.SipServlet;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;
import org.opencpm.sipservlets.CoreSettings;
import org.opencpm.sipservlets.controlling.GroupMessageHandler;
import org.opencpm.sipservlets.security.SipDigestGuard;
import org.opencpm.user.DigestCredentials;

/**
 * Pager-mode standalone messages 1-1. Originating side (OMA CPM SD 5.2.2.1.1): the sender must be an authenticated
 * user of this domain writing as themselves (or anonymously, RFC 3323); the message must be well-formed; of the
 * delivery notifications of one type a user's devices send for one message only the first goes on (5.2.6). The
 * recipient is served here too, so the message goes straight to the terminating PF ({@link TerminatingHandler}),
 * or, for a pre-defined group's address, to the Controlling Function ({@link GroupMessageHandler}).
 */
@ServletName(DeliveryEngine.SERVLET)
@ApplicationScoped
public class ParticipatingServlet extends SipServlet {

    private static final Logger LOG = Logger.getLogger(ParticipatingServlet.class.getName());

    private SipDigestGuard guard;
    private CredentialsSource users;
    private CoreSettings settings;
    private TerminatingHandler terminating;
    private DeliveryEngine engine;
    private NotificationDeduplicator notifications;
    private GroupMessageHandler groupMessages;

    protected ParticipatingServlet() {
    }

    @Inject
    public ParticipatingServlet(SipDigestGuard guard, CredentialsSource users, CoreSettings settings,
                                TerminatingHandler terminating, DeliveryEngine engine,
                                NotificationDeduplicator notifications, GroupMessageHandler groupMessages) {
        this.guard = guard;
        this.users = users;
        this.settings = settings;
        this.terminating = terminating;
        this.engine = engine;
        this.notifications = notifications;
        this.groupMessages = groupMessages;
    }

    @Override
    protected void doMessage(SipServletRequest request) {
        Optional<DigestCredentials> sender = guard.authenticate(request, SipDigestGuard.Role.PROXY);
        if (sender.isEmpty()) {
            return;
        }
        String senderAddress = settings.addressOf(sender.get().username());
        if (!MessageReader.isAnonymous(request) && !senderAddress.equals(canonical(request.getFrom().getURI()))) {
            request.createResponse(403, "Forbidden (From is not the authenticated user)").send();
            return;
        }
        if (PagerModeLimits.tooLargeForPagerMode(request.getContentLength())) {
            SipServletResponse tooLarge = request.createResponse(413, "Request Entity Too Large");
            tooLarge.setHeader("Warning", PagerModeLimits.warningFor(settings.domain()));
            tooLarge.send();
            return;
        }
        if (!(request.getRequestURI() instanceof SipURI target) || target.getUser() == null) {
            request.createResponse(404, "Not Found (no such user)").send();
            return;
        }
        boolean toUser = users.credentials(target.getUser(), settings.domain()).isPresent();
        Optional<Group> group = toUser ? Optional.empty()
                : groupMessages.groupAt(settings.addressOf(target.getUser()));
        if (!toUser && group.isEmpty()) {
            request.createResponse(404, "Not Found (no such user or group)").send();
            return;
        }
        StandaloneMessage message;
        try {
            message = MessageReader.read(request, target.getUser(), settings.addressOf(target.getUser()),
                    senderAddress);
        } catch (BadMessageException e) {
            SipServletResponse bad = request.createResponse(e.status(), e.reasonPhrase());
            if (e.status() == 415) {
                PayloadInspector.ACCEPTED.forEach(type -> bad.addHeader("Accept", type)); // RFC 3261 21.4.13
            }
            bad.send();
            LOG.fine(() -> "refused MESSAGE " + request.getCallId() + ": " + e.reasonPhrase());
            return;
        }
        if (group.isPresent()) {
            // The recipient is a pre-defined group: the Controlling Function takes it (SD 5.2.2.1.2).
            groupMessages.distribute(request, group.get(), message, senderAddress);
            return;
        }
        ImdnDocument notification = message.payload().notification();
        if (notification != null && !notifications.firstOfItsKind(sender.get().username(),
                notification.messageId(), notification.type().name())) {
            // 5.2.6: another device of this user already notified this message; the device has done its part.
            request.createResponse(200, "OK (notification already sent by another device)").send();
            return;
        }
        terminating.handle(message, new PendingRequest(request));
    }

    @Override
    protected void doResponse(SipServletResponse response) {
        engine.onResponse(response);
    }

    @Override
    public void timeout(ServletTimer timer) {
        engine.onTimeout(timer);
    }

    private static String canonical(javax.sip.address.URI uri) {
        if (uri instanceof SipURI sip && sip.getUser() != null) {
            return "sip:" + sip.getUser() + "@" + sip.getHost().toLowerCase(Locale.ROOT);
        }
        return uri.toString();
    }

    /** The sender's MESSAGE, answered once with the terminating PF's verdict. */
    private record PendingRequest(SipServletRequest request) implements SenderReply {

        @Override
        public void accepted(int status) {
            if (!request.isCommitted()) {
                request.createResponse(status).send();
            }
        }

        @Override
        public void refused(int status, String reasonPhrase) {
            if (!request.isCommitted()) {
                request.createResponse(status, reasonPhrase).send();
            }
        }
    }
}
