package org.opencpm.sipservlets.participating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.opencpm.deferral.DeferralService;
import org.opencpm.deferral.DeferredMessage;
import org.opencpm.message.imdn.DeliveryStatus;
import org.opencpm.messagestore.MessageStoreGateway;
import org.opencpm.participating.HandOverRefusedException;
import org.opencpm.participating.KeptFileTransfer;
import org.opencpm.participating.ServiceProviderPolicy;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.preference.ExpiredHandling;
import org.opencpm.preference.PreferenceService;
import org.opencpm.sipservlets.CoreSettings;

/**
 * Deferred messages whose time is up (OMA CPM SD 5.2.5 note 2): stored in the Message Storage Server or discarded,
 * per the recipient's preference or the provider's policy; the sender gets the delivery notification they asked for
 * (positive when stored, negative when discarded, 5.2.6.1).
 */
@ApplicationScoped
public class DeferredExpiry {

    private static final Logger LOG = Logger.getLogger(DeferredExpiry.class.getName());
    private static final int BATCH = 500;

    private DeferralService deferral;
    private PreferenceService preferences;
    private MessageStoreGateway messageStore;
    private TerminatingHandler terminating;
    private CoreSettings settings;
    private ServiceProviderPolicy provider;
    private KeptFiles keptFiles;

    protected DeferredExpiry() {
    }

    @Inject
    public DeferredExpiry(DeferralService deferral, PreferenceService preferences, MessageStoreGateway messageStore,
                          TerminatingHandler terminating, CoreSettings settings, ServiceProviderPolicy provider,
                          KeptFiles keptFiles) {
        this.keptFiles = keptFiles;
        this.deferral = deferral;
        this.preferences = preferences;
        this.messageStore = messageStore;
        this.terminating = terminating;
        this.settings = settings;
        this.provider = provider;
    }

    /** Handles the messages expired by now; returns how many. */
    public int expireDue() {
        int handled = 0;
        List<DeferredMessage> expired;
        do {
            expired = deferral.takeExpired(BATCH);
            expired.forEach(this::expire);
            handled += expired.size();
        } while (expired.size() == BATCH);
        int swept = keptFiles.sweep(Instant.now());
        if (swept > 0) {
            LOG.info(() -> "removed " + swept + " kept file(s) no deferred entry refers to any more");
        }
        return handled;
    }

    private void expire(DeferredMessage deferred) {
        StandaloneMessage message = StandaloneMessage.fromDeferred(deferred, settings.addressOf(deferred.recipient()));
        Optional<KeptFileTransfer> file = KeptFileTransfer.of(message);
        if (file.isPresent()) {
            // A file the PF took for the user (SD 5.2.4.5) is not handed to the store as a message.
            keptFiles.delete(file.get().fileId());
            LOG.info(() -> "discarded expired kept file " + file.get().fileId() + " for " + message.recipientAddress()
                    + " from " + deferred.fromHeader());
            return;
        }
        if (provider.expiredHandlingFor(preferences.of(deferred.recipient())) == ExpiredHandling.STORE && !deferred.notification()) {
            try {
                messageStore.deliver(message);
                terminating.notifySender(message, DeliveryStatus.DELIVERED);
                return;
            } catch (HandOverRefusedException e) {
                LOG.info(() -> "expired deferred message " + deferred.id() + " could not be stored ("
                        + e.getMessage() + "); discarding it");
            }
        }
        LOG.info(() -> "discarded expired deferred message " + deferred.id() + " for " + message.recipientAddress()
                + " from " + deferred.fromHeader());
        terminating.notifySender(message, DeliveryStatus.FAILED);
    }
}
