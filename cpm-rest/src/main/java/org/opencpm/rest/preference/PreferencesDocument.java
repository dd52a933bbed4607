package org.opencpm.rest.preference;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencpm.preference.DeferredDelivery;
import org.opencpm.preference.ExpiredHandling;
import org.opencpm.preference.InvalidPreferencesException;
import org.opencpm.preference.MessageHandling;
import org.opencpm.preference.MultiDevicePolicy;
import org.opencpm.preference.PreferenceProfile;
import org.opencpm.preference.PreferenceRules;
import org.opencpm.preference.UserPreferences;

/**
 * A user's preference document as the API shows and takes it (OMA CPM SD 5.4), member for member the service's
 * {@link UserPreferences}. Absent or null members take their defaults; unknown members are refused.
 */
@Schema(name = "Preferences")
@JsonbPropertyOrder({"doNotDisturb", "blacklist", "rejectAnonymous", "messageHandling", "forwardTo",
        "deferredDelivery", "expiredHandling", "multiDevice", "profiles", "activeProfiles",
        "recordConversations"})
public record PreferencesDocument(
        @Schema(description = "Nothing is pushed or notified while set (5.4 A.1)", defaultValue = "false")
        Boolean doNotDisturb,
        @Schema(description = "Senders whose messages are rejected: sip:, sips: or tel: URIs, stored canonical "
                + "(sip:user@host, tel:+digits)", maxItems = PreferenceRules.MAX_BLACKLIST,
                example = "[\"sip:spammer@example.com\", \"tel:+12015550123\"]")
        List<String> blacklist,
        @Schema(description = "Reject messages whose sender is not disclosed", defaultValue = "false")
        Boolean rejectAnonymous,
        @Schema(description = "What to do with incoming standalone messages (5.4 B.2)", defaultValue = "DELIVER")
        MessageHandling messageHandling,
        @Schema(description = "Where to forward messages: required when messageHandling is FORWARD, absent "
                + "otherwise; a sip:, sips: or tel: URI other than the user's own", example = "sip:bob@example.com")
        String forwardTo,
        @Schema(description = "How deferred messages are delivered; absent for the service provider's choice")
        DeferredDelivery deferredDelivery,
        @Schema(description = "What happens to expired deferred messages; absent for the service provider's choice")
        ExpiredHandling expiredHandling,
        @Schema(description = "Multi-device delivery policy; absent for the service provider's choice")
        MultiDevicePolicy multiDevice,
        @Schema(description = "User Preference Profiles, ids unique", maxItems = PreferenceRules.MAX_PROFILES)
        List<Profile> profiles,
        @Schema(description = "Device id (+sip.instance value, or contact URI) to the id of its active profile; "
                + "devices not listed get every message", example = "{\"urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6\": "
                + "\"work\"}")
        Map<String, String> activeProfiles,
        @Schema(description = "Whether conversations are recorded into the user's message store (OMA CPM SD "
                + "5.2.1.2); absent for the service provider's choice")
        Boolean recordConversations) {

    /** A User Preference Profile (OMA CPM SD 5.4, 5.2.2.1.3 note 4). */
    @Schema(name = "PreferenceProfile", requiredProperties = {"id", "displayName"})
    @JsonbPropertyOrder({"id", "displayName", "standaloneMessages", "maxMessageSize", "contentTypes"})
    public record Profile(
            @Schema(description = "Unique within the document", example = "work", maxLength = 64)
            String id,
            @Schema(description = "Human readable name", example = "At work", maxLength = 256)
            String displayName,
            @Schema(description = "Whether standalone messages reach devices with this profile active",
                    defaultValue = "true")
            Boolean standaloneMessages,
            @Schema(description = "Largest message body in bytes for such devices; absent for no limit", minimum = "1")
            Long maxMessageSize,
            @Schema(description = "MIME types (type/subtype or type/*) for such devices; empty for all",
                    maxItems = PreferenceRules.MAX_CONTENT_TYPES, example = "[\"text/plain\", \"image/*\"]")
            List<String> contentTypes) {
    }

    static PreferencesDocument of(UserPreferences preferences) {
        List<Profile> profiles = preferences.profiles().stream()
                .map(p -> new Profile(p.id(), p.displayName(), p.standaloneMessages(), p.maxMessageSize(),
                        p.contentTypes()))
                .toList();
        // Sorted, so that the same document always reads the same.
        return new PreferencesDocument(preferences.doNotDisturb(), preferences.blacklist(),
                preferences.rejectAnonymous(), preferences.messageHandling(), preferences.forwardTo(),
                preferences.deferredDelivery(), preferences.expiredHandling(), preferences.multiDevice(), profiles,
                new TreeMap<>(preferences.activeProfiles()), preferences.recordConversations());
    }

    /**
     * The service's document. JSON nulls inside arrays and objects are refused here, with their path, as the
     * service's values cannot hold them.
     *
     * @throws InvalidPreferencesException for a null entry
     */
    UserPreferences toPreferences() {
        List<PreferenceProfile> domainProfiles = new ArrayList<>();
        List<Profile> given = profiles == null ? List.of() : profiles;
        for (int i = 0; i < given.size(); i++) {
            Profile p = notNull("profiles[" + i + "]", given.get(i));
            domainProfiles.add(new PreferenceProfile(p.id(), p.displayName(),
                    p.standaloneMessages() == null || p.standaloneMessages(), p.maxMessageSize(),
                    entries("profiles[" + i + "].contentTypes", p.contentTypes())));
        }
        if (activeProfiles != null) {
            activeProfiles.forEach((device, profile) -> notNull("activeProfiles[\"" + device + "\"]", profile));
        }
        return new UserPreferences(Boolean.TRUE.equals(doNotDisturb), entries("blacklist", blacklist),
                Boolean.TRUE.equals(rejectAnonymous), messageHandling, forwardTo, deferredDelivery, expiredHandling,
                multiDevice, domainProfiles, activeProfiles, recordConversations);
    }

    private static List<String> entries(String path, List<String> values) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            notNull(path + "[" + i + "]", values.get(i));
        }
        return values;
    }

    private static <T> T notNull(String path, T value) {
        if (value == null) {
            throw new InvalidPreferencesException(path, "must not be null");
        }
        return value;
    }
}
