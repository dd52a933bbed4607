package org.opencpm.preference;

import java.util.List;
import java.util.Map;

/**
 * The preference document of one user (OMA CPM SD 5.4).
 *
 * @param doNotDisturb      nothing is pushed or notified while set (5.4 A.1, 5.2.5.1, 5.2.5.2)
 * @param blacklist         sender addresses whose messages are rejected, canonical {@code sip:user@host} (5.4 B.1)
 * @param rejectAnonymous   reject messages whose sender is not disclosed (5.2.2.1.3 note 1)
 * @param messageHandling   what to do with incoming standalone messages (5.4 B.2)
 * @param forwardTo         the forward-to address, set exactly when {@code messageHandling} is FORWARD
 * @param deferredDelivery  how deferred messages are delivered, or null for the service provider's choice (5.2.5 note 1)
 * @param expiredHandling   what happens to expired deferred messages, or null for the service provider's choice
 * @param multiDevice       multi-device delivery policy, or null for the service provider's choice (5.4 F)
 * @param profiles          the User Preference Profiles
 * @param activeProfiles    device id ({@code +sip.instance} value, or the contact URI when it has none) to the id
 *                          of its active profile; devices not listed get every message
 * @param recordConversations whether the user's conversations are recorded into their message store (SD 5.2.1.2),
 *                          or null for the service provider's choice
 */
public record UserPreferences(boolean doNotDisturb, List<String> blacklist, boolean rejectAnonymous,
                              MessageHandling messageHandling, String forwardTo, DeferredDelivery deferredDelivery,
                              ExpiredHandling expiredHandling, MultiDevicePolicy multiDevice,
                              List<PreferenceProfile> profiles, Map<String, String> activeProfiles,
                              Boolean recordConversations) {

    public UserPreferences {
        blacklist = blacklist == null ? List.of() : List.copyOf(blacklist);
        messageHandling = messageHandling == null ? MessageHandling.DELIVER : messageHandling;
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        activeProfiles = activeProfiles == null ? Map.of() : Map.copyOf(activeProfiles);
    }

    /** A document that leaves recording to the service provider. */
    public UserPreferences(boolean doNotDisturb, List<String> blacklist, boolean rejectAnonymous,
                           MessageHandling messageHandling, String forwardTo, DeferredDelivery deferredDelivery,
                           ExpiredHandling expiredHandling, MultiDevicePolicy multiDevice,
                           List<PreferenceProfile> profiles, Map<String, String> activeProfiles) {
        this(doNotDisturb, blacklist, rejectAnonymous, messageHandling, forwardTo, deferredDelivery, expiredHandling,
                multiDevice, profiles, activeProfiles, null);
    }

    /** The same document with recording set (null: the service provider's choice). */
    public UserPreferences withRecordConversations(Boolean record) {
        return new UserPreferences(doNotDisturb, blacklist, rejectAnonymous, messageHandling, forwardTo,
                deferredDelivery, expiredHandling, multiDevice, profiles, activeProfiles, record);
    }

    /** What a user who never set anything has: deliver everything, provider defaults for the rest. */
    public static UserPreferences defaults() {
        return new UserPreferences(false, List.of(), false, MessageHandling.DELIVER, null, null, null, null,
                List.of(), Map.of());
    }
}
