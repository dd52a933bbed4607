package org.opencpm.rest.preference;

import jakarta.ws.rs.core.EntityTag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opencpm.preference.PreferenceProfile;
import org.opencpm.preference.UserPreferences;
import org.opencpm.storage.user.DigestHashes;

/**
 * The strong entity tag of a preference document, as XDM uses ETags for optimistic concurrency (OMA XDM Core): a
 * SHA-256 of an unambiguous encoding of its values, so equal documents have equal tags on any node and across
 * restarts, and a change of any value changes the tag.
 */
final class PreferencesTag {

    private PreferencesTag() {
    }

    static EntityTag of(UserPreferences preferences) {
        StringBuilder encoding = new StringBuilder();
        value(encoding, preferences.doNotDisturb());
        list(encoding, preferences.blacklist());
        value(encoding, preferences.rejectAnonymous());
        value(encoding, preferences.messageHandling());
        value(encoding, preferences.forwardTo());
        value(encoding, preferences.deferredDelivery());
        value(encoding, preferences.expiredHandling());
        value(encoding, preferences.multiDevice());
        value(encoding, preferences.recordConversations());
        value(encoding, preferences.profiles().size());
        for (PreferenceProfile profile : preferences.profiles()) {
            value(encoding, profile.id());
            value(encoding, profile.displayName());
            value(encoding, profile.standaloneMessages());
            value(encoding, profile.maxMessageSize());
            list(encoding, profile.contentTypes());
        }
        Map<String, String> devices = new TreeMap<>(preferences.activeProfiles());
        value(encoding, devices.size());
        devices.forEach((device, profile) -> {
            value(encoding, device);
            value(encoding, profile);
        });
        return new EntityTag(DigestHashes.hex("SHA-256", encoding.toString()));
    }

    private static void list(StringBuilder encoding, List<String> values) {
        value(encoding, values.size());
        values.forEach(v -> value(encoding, v));
    }

    // Length-prefixed, so that no two different sequences of values encode alike; "-" is null.
    private static void value(StringBuilder encoding, Object value) {
        if (value == null) {
            encoding.append('-');
            return;
        }
        String text = value.toString();
        encoding.append(text.length()).append(':').append(text);
    }
}
