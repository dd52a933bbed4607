package org.opencpm.sipservlets.participating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sip.address.SipURI;
import org.opencpm.authentication.CredentialsSource;
import org.opencpm.deferral.NotificationDeduplicator;
import org.opencpm.group.Group;
import org.opencpm.message.imdn.ImdnDocument;
import org.opencpm.message.resourcelists.RecipientListMessage;
import org.opencpm.participating.BadMessageException;
import org.opencpm.participating.PagerModeLimits;
import org.opencpm.participating.PayloadInspector;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.recording.Conversation;
import org.opencpm.recording.ConversationRecorder;
import org.opencpm.recording.StandaloneRecords;
import org.opencpm.sip.api.ServletName;
import org.opencpm.sip.api.ServletTimer;
import org.opencpm.sip.api.SipServlet;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;
import org.opencpm.sipservlets.CoreSettings;
import org.opencpm.sipservlets.controlling.AdHocMessageHandler;
import org.opencpm.sipservlets.controlling.GroupMessageHandler;
import org.opencpm.sipservlets.controlling.NotificationRouter;
import org.opencpm.sipservlets.security.SipDigestGuard;
import org.opencpm.user.DigestCredentials;

/**
 * Pager-mode standalone messages 1-1. Originating side (OMA CPM SD 5.2.2.1.1): the sender must be an authenticated
 * user of this domain writing as themselves (or anonymously, RFC 3323); the message must be well-formed; of the
 * delivery notifications of one type a user's devices send for one message only the first goes on (5.2.6). The
 * recipient is served here too, so the message goes straight to the terminating PF ({@link TerminatingHandler}),
 * or to the Controlling Function: for a pre-defined group's address ({@link GroupMessageHandler}, or
 * {@link NotificationRouter} for the notifications that come back through it), or for the ad-hoc address
 * ({@link AdHocMessageHandler}).
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
    private AdHocMessageHandler adHocMessages;
    private NotificationRouter notificationRouter;
    private ConversationRecorder recorder;

    protected ParticipatingServlet() {
    }

    @Inject
    public ParticipatingServlet(SipDigestGuard guard, CredentialsSource users, CoreSettings settings,
                                TerminatingHandler terminating, DeliveryEngine engine,
                                NotificationDeduplicator notifications, GroupMessageHandler groupMessages,
                                AdHocMessageHandler adHocMessages, NotificationRouter notificationRouter,
                                ConversationRecorder recorder) {
        this.guard = guard;
        this.users = users;
        this.settings = settings;
        this.terminating = terminating;
        this.engine = engine;
        this.notifications = notifications;
        this.groupMessages = groupMessages;
        this.adHocMessages = adHocMessages;
        this.notificationRouter = notificationRouter;
        this.recorder = recorder;
    }

    @Override
    protected void doMessage(SipServletRequest request) {
        Optional<DigestCredentials> sender = guard.authenticate(request, SipDigestGuard.Role.PROXY);
        if (sender.isEmpty()) {
            return;
        }
        String senderAddress = settings.addressOf(sender.get().username());
        if (!MessageReader.isAnonymous(request)
                && !senderAddress.equals(MessageReader.canonical(request.getFrom().getURI()))) {
            request.createResponse(403, "Forbidden (From is not the authenticated user)").send();
            return;
        }
        if (!(request.getRequestURI() instanceof SipURI target) || target.getUser() == null) {
            request.createResponse(404, "Not Found (no such user)").send();
            return;
        }
        boolean adHoc = adHocMessages.isAdHocAddress(target.getUser());
        List<String> unsupported = unsupportedExtensions(request, adHoc);
        if (!unsupported.isEmpty()) {
            SipServletResponse bad = request.createResponse(420, "Bad Extension"); // RFC 3261 8.2.2.3
            bad.setHeader("Unsupported", String.join(", ", unsupported));
            bad.send();
            return;
        }
        if (adHoc) {
            // A MESSAGE to a list of recipients: the Controlling Function takes it (SD 5.2.2.1.2, RFC 5365).
            adHocMessages.distribute(request, senderAddress);
            return;
        }
        if (PagerModeLimits.tooLargeForPagerMode(request.getContentLength())) {
            SipServletResponse tooLarge = request.createResponse(413, "Request Entity Too Large");
            tooLarge.setHeader("Warning", PagerModeLimits.warningFor(settings.domain()));
            tooLarge.send();
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
            MessageReader.refuse(request, e, PayloadInspector.ACCEPTED);
            LOG.fine(() -> "refused MESSAGE " + request.getCallId() + ": " + e.reasonPhrase());
            return;
        }
        ImdnDocument notification = message.payload().notification();
        if (notification != null && !notifications.firstOfItsKind(sender.get().username(),
                notification.messageId(), notification.type().name())) {
            // 5.2.6: another device of this user already notified this message; the device has done its part.
            request.createResponse(200, "OK (notification already sent by another device)").send();
            return;
        }
        if (group.isPresent()) {
            // The recipient is a pre-defined group: the Controlling Function takes it (SD 5.2.2.1.2), or, for a
            // notification the group's IMDN-Record-Route brought back, aggregates it (5.2.6.1).
            if (message.payload().isNotification()) {
                notificationRouter.receive(request, group.get().address(), message, senderAddress);
            } else {
                groupMessages.distribute(request, group.get(), message, senderAddress);
            }
            return;
        }
        // Recorded on both sides once accepted (SD 5.2.1.2.1 note): the sender's copy and the recipient's.
        String senderUser = sender.get().username();
        terminating.handle(message, new RecordingReply(new PendingRequest(request), () -> {
            recorder.sent(senderUser, message, Conversation.oneToOne(message.recipientAddress()));
            recorder.received(message, StandaloneRecords.receivedOneToOne(message));
        }));
    }

    /** Require option tags this request needs and this target cannot give (RFC 3261 8.2.2.3). */
    private static List<String> unsupportedExtensions(SipServletRequest request, boolean adHoc) {
        List<String> unsupported = new ArrayList<>(MessageReader.requiredOptionTags(request));
        if (adHoc) {
            unsupported.removeIf(RecipientListMessage.REQUIRE_OPTION_TAG::equals);
        }
        return unsupported;
    }

    @Override
    protected void doResponse(SipServletResponse response) {
        engine.onResponse(response);
    }

    @Override
    public void timeout(ServletTimer timer) {
        engine.onTimeout(timer);
    }

    /**
     * The sender's MESSAGE, answered once with the terminating PF's verdict. A sender gone before its answer (its
     * connection closed) is logged, not thrown: the verdict stands, and what follows it (the recording) still runs.
     */
    private record PendingRequest(SipServletRequest request) implements SenderReply {

        @Override
        public void accepted(int status) {
            answer(status, null);
        }

        @Override
        public void refused(int status, String reasonPhrase) {
            answer(status, reasonPhrase);
        }

        private void answer(int status, String reasonPhrase) {
            if (request.isCommitted()) {
                return;
            }
            try {
                (reasonPhrase == null ? request.createResponse(status)
                        : request.createResponse(status, reasonPhrase)).send();
            } catch (IllegalStateException e) {
                LOG.info(() -> "MESSAGE " + request.getCallId() + " from " + request.getFrom()
                        + ": the sender did not get its " + status + " (" + e.getMessage() + ")");
            }
        }
    }
}
