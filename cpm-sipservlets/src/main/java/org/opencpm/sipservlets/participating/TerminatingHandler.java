package org.opencpm.sipservlets.participating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpm.authentication.CredentialsSource;
import org.opencpm.deferral.DeferralQueueFullException;
import org.opencpm.deferral.DeferralService;
import org.opencpm.interworking.InterworkingGateway;
import org.opencpm.message.imdn.DeliveryStatus;
import org.opencpm.message.imdn.ImdnMessages;
import org.opencpm.messagestore.MessageStoreGateway;
import org.opencpm.participating.HandOverRefusedException;
import org.opencpm.participating.KeptFileTransfer;
import org.opencpm.participating.ServerNotifications;
import org.opencpm.participating.ServiceProviderPolicy;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.participating.TerminatingDecision;
import org.opencpm.participating.TerminatingPolicy;
import org.opencpm.preference.DeferredDelivery;
import org.opencpm.preference.PreferenceService;
import org.opencpm.preference.UserPreferences;
import org.opencpm.registrar.ActiveContact;
import org.opencpm.registrar.LocationService;
import org.opencpm.sipservlets.CoreSettings;

/**
 * The terminating Participating Function (OMA CPM SD 5.2.2.1.3): applies the recipient's preferences to a
 * standalone message and carries out the decision: reject, interwork, store, forward, defer or deliver to each
 * suitable registered client; generates the delivery notifications that are the PF's own to give (5.2.6.1).
 */
@ApplicationScoped
public class TerminatingHandler {

    private static final Logger LOG = Logger.getLogger(TerminatingHandler.class.getName());
    /** Forwarding hops within the home domain before the PF calls it a loop. */
    static final int MAX_FORWARDS = 5;

    private PreferenceService preferences;
    private LocationService location;
    private DeferralService deferral;
    private DeliveryEngine engine;
    private DeferredPusher pusher;
    private InterworkingGateway interworking;
    private MessageStoreGateway messageStore;
    private CredentialsSource users;
    private CoreSettings settings;
    private ServiceProviderPolicy provider;
    private TerminatingPolicy policy;
    private Clock clock;
    private RoutedNotifications routedNotifications;

    protected TerminatingHandler() {
    }

    @Inject
    public TerminatingHandler(PreferenceService preferences, LocationService location, DeferralService deferral,
                              DeliveryEngine engine, DeferredPusher pusher, InterworkingGateway interworking,
                              MessageStoreGateway messageStore, CredentialsSource users, CoreSettings settings,
                              ServiceProviderPolicy provider, Clock clock, RoutedNotifications routedNotifications) {
        this.preferences = preferences;
        this.location = location;
        this.deferral = deferral;
        this.engine = engine;
        this.pusher = pusher;
        this.interworking = interworking;
        this.messageStore = messageStore;
        this.users = users;
        this.settings = settings;
        this.provider = provider;
        this.policy = new TerminatingPolicy(provider);
        this.clock = clock;
        this.routedNotifications = routedNotifications;
    }

    public void handle(StandaloneMessage message, SenderReply reply) {
        handle(message, reply, 0);
    }

    private void handle(StandaloneMessage message, SenderReply reply, int forwards) {
        UserPreferences prefs = preferences.of(message.recipient());
        List<ActiveContact> devices = location.contactsOf(message.recipientAddress());
        TerminatingDecision decision = policy.decide(message.facts(), prefs, devices);
        LOG.fine(() -> "message to " + message.recipientAddress() + ": " + decision);
        if (decision instanceof TerminatingDecision.Reject r) {
            reply.refused(r.status(), r.reason());
        } else if (decision instanceof TerminatingDecision.Interwork) {
            handOver(reply, () -> interworking.handOver(message));
        } else if (decision instanceof TerminatingDecision.Store) {
            if (handOver(reply, () -> messageStore.deliver(message))) {
                notifySender(message, DeliveryStatus.DELIVERED); // 5.2.6.1: delivered to the store
            }
        } else if (decision instanceof TerminatingDecision.Forward f) {
            forward(message, f.target(), reply, forwards);
        } else if (decision instanceof TerminatingDecision.Defer) {
            defer(message, prefs, reply);
        } else if (decision instanceof TerminatingDecision.Deliver d) {
            engine.deliver(message, d.devices(), d.policy(), new DeliveryListener() {
                @Override
                public void delivered() {
                    reply.accepted(200);
                }

                @Override
                public void failed(int lastStatus) {
                    // 5.1.5 item 5, 5.2.2.1.5: the registered clients failed; keep it for later.
                    defer(message, prefs, reply);
                }
            });
        }
    }

    private boolean handOver(SenderReply reply, Runnable handOver) {
        try {
            handOver.run();
            reply.accepted(202);
            return true;
        } catch (HandOverRefusedException e) {
            reply.refused(488, "Not Acceptable Here (" + e.getMessage() + ")");
            return false;
        }
    }

    private void forward(StandaloneMessage message, String target, SenderReply reply, int forwards) {
        if (forwards >= MAX_FORWARDS) {
            reply.refused(482, "Loop Detected (forward-to addresses form a loop)");
            return;
        }
        Optional<String> user = settings.userOf(target);
        if (user.isPresent() && users.credentials(user.get(), settings.domain()).isPresent()) {
            handle(message.retargeted(user.get(), settings.addressOf(user.get())), reply, forwards + 1);
        } else if (user.isPresent()) {
            reply.refused(404, "Not Found (the forward-to user does not exist)");
        } else {
            // Another domain: the message leaves as the original sender's, to the forward-to address.
            engine.deliver(message, List.of(new ActiveContact(target, "", null, 0, null)),
                    org.opencpm.preference.MultiDevicePolicy.ALL, new DeliveryListener() {
                        @Override
                        public void delivered() {
                            reply.accepted(200);
                        }

                        @Override
                        public void failed(int lastStatus) {
                            reply.refused(lastStatus, "Forwarding failed");
                        }
                    });
        }
    }

    /** Puts the message in the deferred queue (5.2.5), or hands it to the store when the user wants that. */
    void defer(StandaloneMessage message, UserPreferences prefs, SenderReply reply) {
        if (message.payload().transientIndication()) {
            reply.refused(480, "Temporarily Unavailable"); // an isComposing is worthless later
            return;
        }
        DeferredDelivery option = provider.deferredDeliveryFor(prefs);
        // A kept file stays with the PF: the store takes messages, not the PF's descriptor of a file on its disk.
        if (option == DeferredDelivery.STORE && !message.payload().isNotification()
                && !KeptFileTransfer.isKeptFile(message.contentType())) {
            try {
                messageStore.handOver(message); // 5.2.5.3
                reply.accepted(202);
                notifySender(message, DeliveryStatus.DELIVERED);
                return;
            } catch (HandOverRefusedException e) {
                LOG.info(() -> "deferred message for " + message.recipientAddress()
                        + " stays queued: the message store refused it (" + e.getMessage() + ")");
            }
        }
        try {
            deferral.defer(message.toDeferred());
        } catch (DeferralQueueFullException e) {
            reply.refused(480, "Temporarily Unavailable (the recipient's deferred queue is full)");
            return;
        }
        reply.accepted(202);
        if (option == DeferredDelivery.NOTIFY) {
            pusher.drain(message.recipient(), DeferredPusher.Trigger.NEW_MESSAGE);
        }
    }

    /** A delivery notification of the PF's own to the original sender, when asked for (5.2.6.1). */
    void notifySender(StandaloneMessage original, DeliveryStatus status) {
        String senderUser = original.senderIdentity() == null ? null
                : settings.userOf(original.senderIdentity()).orElse(null);
        try {
            Optional<StandaloneMessage> notification =
                    ServerNotifications.delivery(original, status, senderUser, clock.instant());
            if (notification.isPresent() && !throughControllingFunction(original, notification.get())) {
                handle(notification.get(), SenderReply.NONE);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not notify " + original.senderIdentity() + " of " + status, e);
        }
    }

    /**
     * A copy from a group or an ad-hoc list asks for its notifications to come back through the CF (RFC 5438 sec
     * 6.4, OMA CPM SD 5.2.6.1): the PF's own go there too, to be aggregated with the clients'.
     */
    private boolean throughControllingFunction(StandaloneMessage original, StandaloneMessage notification) {
        if (original.payload().cpim() == null) {
            return false;
        }
        List<String> routes = ImdnMessages.recordRoutes(original.payload().cpim());
        return !routes.isEmpty() && routedNotifications.offer(routes.get(0), original.senderIdentity(),
                original.recipientAddress(), notification.payload().notification());
    }
}
