package org.opencpm.sipservlets.participating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpm.deferral.DeferralService;
import org.opencpm.deferral.DeferredMessage;
import org.opencpm.deferral.DeferredNotice;
import org.opencpm.participating.KeptFileTransfer;
import org.opencpm.participating.Payload;
import org.opencpm.participating.ServiceProviderPolicy;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.participating.TerminatingPolicy;
import org.opencpm.preference.DeferredDelivery;
import org.opencpm.preference.MessageHandling;
import org.opencpm.preference.MultiDevicePolicy;
import org.opencpm.preference.PreferenceService;
import org.opencpm.preference.UserPreferences;
import org.opencpm.registrar.ActiveContact;
import org.opencpm.registrar.LocationService;
import org.opencpm.sipservlets.CoreSettings;

/**
 * Delivers a user's deferred messages when conditions allow (OMA CPM SD 5.2.5): pushes them to the suitable
 * registered clients (5.2.5.2) or sends an in-band notification listing them (5.2.5.1), never while the user does
 * not want to be disturbed. One drain per user at a time; at most a window of messages in flight; a message leaves
 * the queue only when a device accepted it, and a failed push stops the drain (the periodic sweep retries later).
 */
@ApplicationScoped
public class DeferredPusher {

    /** Why a drain was asked for. */
    public enum Trigger {
        /** A client registered (5.2.5.2). */
        REGISTRATION,
        /** The user's preferences changed, e.g. do-not-disturb lifted. */
        PREFERENCES,
        /** A message was just deferred. */
        NEW_MESSAGE,
        /** The periodic retry. */
        SWEEP
    }

    private static final Logger LOG = Logger.getLogger(DeferredPusher.class.getName());
    private static final int NOTICE_LIMIT = 100;

    private final ConcurrentMap<String, Drain> drains = new ConcurrentHashMap<>();
    private PreferenceService preferences;
    private LocationService location;
    private DeferralService deferral;
    private DeliveryEngine engine;
    private CoreSettings settings;
    private ServiceProviderPolicy provider;
    private TerminatingPolicy policy;
    private KeptFiles keptFiles;

    protected DeferredPusher() {
    }

    @Inject
    public DeferredPusher(PreferenceService preferences, LocationService location, DeferralService deferral,
                          DeliveryEngine engine, CoreSettings settings, ServiceProviderPolicy provider,
                          KeptFiles keptFiles) {
        this.keptFiles = keptFiles;
        this.preferences = preferences;
        this.location = location;
        this.deferral = deferral;
        this.engine = engine;
        this.settings = settings;
        this.provider = provider;
        this.policy = new TerminatingPolicy(provider);
    }

    /** Delivers or announces the user's deferred messages if the user may be disturbed and a client is there. */
    public void drain(String user, Trigger trigger) {
        try {
            UserPreferences prefs = preferences.of(user);
            if (prefs.doNotDisturb()) {
                return; // 5.2.5.1, 5.2.5.2: nothing until do-not-disturb is lifted
            }
            DeferredDelivery option = provider.deferredDeliveryFor(prefs);
            if (option == DeferredDelivery.PUSH && trigger == Trigger.NEW_MESSAGE) {
                return; // deferred because no client took it: wait for one to register
            }
            if (option == DeferredDelivery.PUSH && trigger == Trigger.SWEEP
                    && prefs.messageHandling() == MessageHandling.DEFER) {
                return; // the user defers on purpose: pushes follow registrations only
            }
            List<ActiveContact> devices = location.contactsOf(settings.addressOf(user));
            if (devices.isEmpty()) {
                return;
            }
            if (option == DeferredDelivery.NOTIFY) {
                announce(user, devices);
            } else {
                // STORE hand-over happens when a message is deferred; what stayed queued is pushed.
                Drain drain = new Drain(user, prefs, devices, true);
                if (drains.putIfAbsent(user, drain) == null) {
                    drain.pump();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not deliver the deferred messages of " + user, e);
        }
    }

    /** Client-driven retrieval (5.2.5.1): delivers these deferred messages now. */
    public void retrieve(String user, Collection<UUID> ids) {
        UserPreferences prefs = preferences.of(user);
        List<ActiveContact> devices = location.contactsOf(settings.addressOf(user));
        if (devices.isEmpty()) {
            return;
        }
        Drain once = new Drain(user, prefs, devices, false);
        List<DeferredMessage> claimed = deferral.claim(user, ids);
        synchronized (once) {
            once.inFlight = claimed.size();
        }
        claimed.forEach(once::deliver);
    }

    private void announce(String user, List<ActiveContact> devices) {
        List<DeferredMessage> fresh = deferral.unnotified(user, NOTICE_LIMIT);
        if (fresh.isEmpty()) {
            return;
        }
        String address = settings.addressOf(user);
        byte[] body = DeferredNotice.toXml(address, fresh);
        StandaloneMessage notice = new StandaloneMessage(user, address, "<sip:" + settings.domain() + ">", null,
                false, null, List.of(), DeferredNotice.MEDIA_TYPE, body, Payload.bare(DeferredNotice.MEDIA_TYPE, false));
        List<UUID> ids = fresh.stream().map(DeferredMessage::id).toList();
        engine.deliver(notice, devices, MultiDevicePolicy.ALL, new DeliveryListener() {
            @Override
            public void delivered() {
                deferral.markNotified(ids);
            }

            @Override
            public void failed(int lastStatus) {
                LOG.fine(() -> "in-band notice to " + address + " failed with " + lastStatus);
            }
        });
    }

    /** One run through a user's queue. */
    private final class Drain {
        private final String user;
        private final String address;
        private final UserPreferences prefs;
        private final List<ActiveContact> devices;
        private final boolean continuous;
        private final Set<UUID> unsuitable = new HashSet<>();
        private int inFlight;
        private boolean stopped;
        private boolean finished;

        /** A continuous drain claims more as messages go out; otherwise it delivers what it was given. */
        Drain(String user, UserPreferences prefs, List<ActiveContact> devices, boolean continuous) {
            this.continuous = continuous;
            this.user = user;
            this.address = settings.addressOf(user);
            this.prefs = prefs;
            this.devices = devices;
        }

        void pump() {
            List<DeferredMessage> batch;
            synchronized (this) {
                int room = provider.pushWindow() - inFlight;
                if (!continuous || stopped || room <= 0) {
                    finishIfIdle();
                    return;
                }
                batch = deferral.claim(user, room).stream().filter(m -> !unsuitable.contains(m.id())).toList();
                if (batch.isEmpty()) {
                    stopped = true;
                    finishIfIdle();
                    return;
                }
                inFlight += batch.size();
            }
            batch.forEach(this::deliver);
        }

        void deliver(DeferredMessage deferred) {
            StandaloneMessage message = StandaloneMessage.fromDeferred(deferred, address);
            List<ActiveContact> suitable = policy.suitableDevices(message.facts(), prefs, devices);
            if (suitable.isEmpty()) {
                // Kept claimed (so the next claim skips it) and released when the drain ends.
                synchronized (this) {
                    unsuitable.add(deferred.id());
                }
                done();
                return;
            }
            engine.deliver(message, suitable, provider.multiDeviceFor(prefs), new DeliveryListener() {
                @Override
                public void delivered() {
                    deferral.delivered(deferred.id());
                    // Once the entry is gone: with several devices, each reads the file until it is through.
                    KeptFileTransfer.of(message).ifPresent(file -> keptFiles.delete(file.fileId()));
                    done();
                }

                @Override
                public void failed(int lastStatus) {
                    deferral.release(deferred.id());
                    synchronized (Drain.this) {
                        stopped = true;
                    }
                    done();
                }
            });
        }

        private void done() {
            synchronized (this) {
                inFlight--;
            }
            pump();
        }

        private void finishIfIdle() {
            if (inFlight == 0 && !finished) {
                finished = true;
                drains.remove(user, this);
                unsuitable.forEach(deferral::release);
            }
        }
    }
}
