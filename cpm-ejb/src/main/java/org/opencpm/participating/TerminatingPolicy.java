package org.opencpm.participating;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencpm.participating.TerminatingDecision.DeferReason;
import org.opencpm.preference.PreferenceProfile;
import org.opencpm.preference.UserPreferences;
import org.opencpm.registrar.ActiveContact;

/**
 * The terminating PF's choice for one standalone message, in the order of OMA CPM SD 5.2.2.1.3: reject,
 * interwork, store, forward, defer, deliver to each suitable registered client.
 */
public final class TerminatingPolicy {

    private final ServiceProviderPolicy provider;

    public TerminatingPolicy(ServiceProviderPolicy provider) {
        this.provider = provider;
    }

    public TerminatingDecision decide(MessageFacts message, UserPreferences prefs, List<ActiveContact> registered) {
        if (message.senderIdentity() != null && prefs.blacklist().contains(message.senderIdentity())) {
            return new TerminatingDecision.Reject(403, "Forbidden (the recipient does not accept your messages)");
        }
        if (message.anonymous() && prefs.rejectAnonymous()) {
            return new TerminatingDecision.Reject(433, "Anonymity Disallowed"); // RFC 5079
        }
        // Notifications belong to the user's clients: handling preferences for messages do not redirect them.
        if (!message.notification()) {
            // 5.2.2.1.3 note 3: with one of these, do-not-disturb has no effect.
            switch (prefs.messageHandling()) {
                case INTERWORK -> {
                    return new TerminatingDecision.Interwork();
                }
                case STORE -> {
                    return new TerminatingDecision.Store();
                }
                case FORWARD -> {
                    return new TerminatingDecision.Forward(prefs.forwardTo());
                }
                case DEFER -> {
                    return new TerminatingDecision.Defer(DeferReason.PREFERENCE);
                }
                case DELIVER -> {
                    // go on below
                }
            }
        }
        if (prefs.doNotDisturb()) {
            return new TerminatingDecision.Defer(DeferReason.DO_NOT_DISTURB);
        }
        if (registered.isEmpty()) {
            return new TerminatingDecision.Defer(DeferReason.NOT_REGISTERED);
        }
        List<ActiveContact> suitable = suitableDevices(message, prefs, registered);
        if (suitable.isEmpty()) {
            return new TerminatingDecision.Defer(DeferReason.NO_SUITABLE_CLIENT);
        }
        return new TerminatingDecision.Deliver(suitable, provider.multiDeviceFor(prefs));
    }

    /**
     * Devices that may get this message (5.2.2.1.3 note 4 and 5): those whose registration takes standalone
     * messages and whose active User Preference Profile accepts this one. Profiles govern messages only, not
     * disposition notifications.
     */
    public List<ActiveContact> suitableDevices(MessageFacts message, UserPreferences prefs,
                                               List<ActiveContact> registered) {
        return registered.stream()
                .filter(d -> DeviceCapabilities.of(d.params()).acceptsStandaloneMessages())
                .filter(d -> message.notification()
                        || activeProfile(prefs, d).map(p -> accepts(p, message)).orElse(true))
                .toList();
    }

    private static Optional<PreferenceProfile> activeProfile(UserPreferences prefs, ActiveContact device) {
        String profileId = prefs.activeProfiles().get(deviceId(device));
        if (profileId == null) {
            return Optional.empty();
        }
        return prefs.profiles().stream().filter(p -> p.id().equals(profileId)).findFirst();
    }

    /** A device is named in preferences by its +sip.instance, or by its contact URI when it has none. */
    public static String deviceId(ActiveContact device) {
        return device.instanceId() != null ? device.instanceId() : device.uri();
    }

    private static boolean accepts(PreferenceProfile profile, MessageFacts message) {
        if (!profile.standaloneMessages()) {
            return false;
        }
        if (profile.maxMessageSize() != null && message.size() > profile.maxMessageSize()) {
            return false;
        }
        return profile.contentTypes().isEmpty()
                || profile.contentTypes().stream().anyMatch(t -> typeMatches(t, message.payloadType()));
    }

    static boolean typeMatches(String pattern, String type) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return p.endsWith("/*") ? t.startsWith(p.substring(0, p.length() - 1)) : p.equals(t);
    }
}
