package org.opencpm.preference;

import java.util.List;

/**
 * A User Preference Profile (OMA CPM SD 5.4): device-specific message delivery preferences under a unique id and a
 * display name. A device whose active profile refuses a message is not suitable for it (5.2.2.1.3 note 4).
 *
 * @param id                 unique within the user's document
 * @param displayName        human readable name
 * @param standaloneMessages whether standalone messages are delivered to devices with this profile active
 * @param maxMessageSize     largest message body in bytes delivered to such devices, or null for no limit
 * @param contentTypes       MIME types (type/subtype or type/*) delivered to such devices; empty means all
 */
public record PreferenceProfile(String id, String displayName, boolean standaloneMessages, Long maxMessageSize,
                                List<String> contentTypes) {

    public PreferenceProfile {
        contentTypes = contentTypes == null ? List.of() : List.copyOf(contentTypes);
    }
}
