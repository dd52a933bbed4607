package org.opencpm.sipservlets.controlling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpm.authentication.CredentialsSource;
import org.opencpm.controlling.Aggregate;
import org.opencpm.controlling.Collected;
import org.opencpm.controlling.NotificationAggregator;
import org.opencpm.message.cpim.CpimMessage;
import org.opencpm.message.imdn.ImdnDocument;
import org.opencpm.participating.PayloadInspector;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sipservlets.CoreSettings;
import org.opencpm.sipservlets.participating.RoutedNotifications;
import org.opencpm.sipservlets.participating.SenderReply;
import org.opencpm.sipservlets.participating.TerminatingHandler;

/**
 * Disposition notifications that come back through the CF (OMA CPM SD 5.2.6.1): from a recipient's client, whose
 * notification is addressed to the CF's address in the message's IMDN-Record-Route, or from a recipient's
 * terminating PF, which notifies on the recipient's behalf. Collected ones go to the sender aggregated, through
 * the sender's terminating PF (so an offline sender gets them deferred).
 */
@ApplicationScoped
public class NotificationRouter implements RoutedNotifications {

    private static final Logger LOG = Logger.getLogger(NotificationRouter.class.getName());

    private NotificationAggregator aggregator;
    private TerminatingHandler terminating;
    private CoreSettings settings;
    private CredentialsSource users;

    protected NotificationRouter() {
    }

    @Inject
    public NotificationRouter(NotificationAggregator aggregator, TerminatingHandler terminating,
                              CoreSettings settings, CredentialsSource users) {
        this.aggregator = aggregator;
        this.terminating = terminating;
        this.settings = settings;
        this.users = users;
    }

    /**
     * A notification MESSAGE {@code notifier} sent to {@code routeAddress}: 202 when the CF holds it, 200 for a
     * second one of a kind, 403 from someone the message did not go to; one the CF does not track goes straight on
     * to the sender named in its CPIM To.
     */
    public void receive(SipServletRequest request, String routeAddress, StandaloneMessage notification,
                        String notifier) {
        CpimMessage cpim = notification.payload().cpim();
        String originalSender = cpim.toUri();
        Collected.Outcome worst = Collected.Outcome.HELD;
        for (ImdnDocument doc : notification.payload().notifications()) {
            Collected collected = aggregator.collect(routeAddress, originalSender, notifier, doc);
            send(collected.ready());
            if (collected.outcome().ordinal() > worst.ordinal()) {
                worst = collected.outcome();
            }
        }
        switch (worst) {
            case HELD -> request.createResponse(202, "Accepted").send();
            case DUPLICATE -> request.createResponse(200, "OK (already notified)").send();
            case NOT_A_RECIPIENT -> request.createResponse(403,
                    "Forbidden (the message was not sent to you through this group)").send();
            case UNTRACKED -> forward(request, notification, originalSender);
        }
    }

    /** A notification the recipient's PF generated: collected when the CF asked for it, else false. */
    @Override
    public boolean offer(String routeAddress, String originalSender, String notifier, ImdnDocument doc) {
        Collected collected = aggregator.collect(routeAddress, originalSender, notifier, doc);
        send(collected.ready());
        return collected.outcome() != Collected.Outcome.UNTRACKED;
    }

    /** Sends aggregates that are ready, each to its sender through the sender's terminating PF. */
    public void send(List<Aggregate> ready) {
        for (Aggregate a : ready) {
            Optional<String> user = settings.homeUserOf(a.senderAddress(), users);
            if (user.isEmpty()) {
                LOG.info(() -> a.routeAddress() + ": no route to " + a.senderAddress() + " for " + a.count()
                        + " notification(s)");
                continue;
            }
            try {
                byte[] body = a.body().toBytes();
                terminating.handle(new StandaloneMessage(user.get(), a.senderAddress(), a.fromHeader(),
                        a.routeAddress(), false, null, List.of(), CpimMessage.MEDIA_TYPE, body,
                        PayloadInspector.inspect(CpimMessage.MEDIA_TYPE, body)), SenderReply.NONE);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, a.routeAddress() + ": could not send " + a.count() + " notification(s) to "
                        + a.senderAddress(), e);
            }
        }
    }

    private void forward(SipServletRequest request, StandaloneMessage notification, String originalSender) {
        Optional<String> user = settings.homeUserOf(originalSender, users);
        if (user.isEmpty()) {
            request.createResponse(404, "Not Found (no such user)").send();
            return;
        }
        request.createResponse(202, "Accepted").send();
        terminating.handle(notification.retargeted(user.get(), originalSender), SenderReply.NONE);
    }
}
