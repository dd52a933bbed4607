package org.opencpm.preference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.opencpm.storage.preference.PreferenceDocument;
import org.opencpm.storage.preference.ProfileContentType;
import org.opencpm.storage.preference.StoredProfile;

/**
 * What a preference document must be before it is stored, and its canonical form: addresses as {@link CanonicalUri},
 * the blacklist without repeats, content types lower-case. The first rule broken is reported, in document order.
 */
public final class PreferenceRules {

    public static final int MAX_BLACKLIST = 1000;
    public static final int MAX_PROFILES = 50;
    public static final int MAX_CONTENT_TYPES = 50;
    public static final int MAX_DEVICES = 100;

    // RFC 6838 section 4.2 restricted-name, for the type and the subtype; the subtype may be * (any).
    private static final String NAME = "[a-z0-9][a-z0-9!#$&^_.+-]{0,126}";
    private static final Pattern CONTENT_TYPE = Pattern.compile(NAME + "/(?:" + NAME + "|\\*)");

    private PreferenceRules() {
    }

    /**
     * The canonical form of {@code document} for the user whose address of record is {@code ownAddress}
     * (canonical {@code sip:user@domain}).
     *
     * @throws InvalidPreferencesException naming the first value that breaks a rule
     */
    public static UserPreferences canonical(UserPreferences document, String ownAddress) {
        List<String> blacklist = blacklist(document.blacklist());
        String forwardTo = forwardTo(document.messageHandling(), document.forwardTo(), ownAddress);
        List<PreferenceProfile> profiles = profiles(document.profiles());
        checkActiveProfiles(document.activeProfiles(), profiles);
        return new UserPreferences(document.doNotDisturb(), blacklist, document.rejectAnonymous(),
                document.messageHandling(), forwardTo, document.deferredDelivery(), document.expiredHandling(),
                document.multiDevice(), profiles, document.activeProfiles(), document.recordConversations());
    }

    private static List<String> blacklist(List<String> entries) {
        if (entries.size() > MAX_BLACKLIST) {
            throw new InvalidPreferencesException("blacklist", "must have at most " + MAX_BLACKLIST + " entries");
        }
        // A blacklist is a set of senders: the same sender twice (perhaps spelt differently) is kept once.
        Set<String> canonical = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            canonical.add(uri("blacklist[" + i + "]", entries.get(i)));
        }
        return List.copyOf(canonical);
    }

    private static String forwardTo(MessageHandling handling, String forwardTo, String ownAddress) {
        if (handling != MessageHandling.FORWARD) {
            if (forwardTo != null) {
                throw new InvalidPreferencesException("forwardTo", "must be absent unless messageHandling is FORWARD");
            }
            return null;
        }
        if (forwardTo == null) {
            throw new InvalidPreferencesException("forwardTo", "is required when messageHandling is FORWARD");
        }
        String canonical = uri("forwardTo", forwardTo);
        if (canonical.equals(ownAddress)) {
            throw new InvalidPreferencesException("forwardTo", "must not be the user's own address");
        }
        return canonical;
    }

    private static String uri(String field, String value) {
        try {
            return CanonicalUri.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidPreferencesException(field, e.getMessage());
        }
    }

    private static List<PreferenceProfile> profiles(List<PreferenceProfile> profiles) {
        if (profiles.size() > MAX_PROFILES) {
            throw new InvalidPreferencesException("profiles", "must have at most " + MAX_PROFILES + " profiles");
        }
        Map<String, Integer> seen = new HashMap<>();
        List<PreferenceProfile> canonical = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            PreferenceProfile profile = profiles.get(i);
            String path = "profiles[" + i + "]";
            String id = profile.id();
            text(path + ".id", id, StoredProfile.MAX_ID_LENGTH);
            Integer earlier = seen.putIfAbsent(id, i);
            if (earlier != null) {
                throw new InvalidPreferencesException(path + ".id", "repeats the id of profiles[" + earlier + "]");
            }
            text(path + ".displayName", profile.displayName(), StoredProfile.MAX_DISPLAY_NAME_LENGTH);
            if (profile.maxMessageSize() != null && profile.maxMessageSize() <= 0) {
                throw new InvalidPreferencesException(path + ".maxMessageSize", "must be greater than 0");
            }
            canonical.add(new PreferenceProfile(id, profile.displayName(), profile.standaloneMessages(),
                    profile.maxMessageSize(), contentTypes(path + ".contentTypes", profile.contentTypes())));
        }
        return canonical;
    }

    private static List<String> contentTypes(String path, List<String> contentTypes) {
        if (contentTypes.size() > MAX_CONTENT_TYPES) {
            throw new InvalidPreferencesException(path, "must have at most " + MAX_CONTENT_TYPES + " entries");
        }
        Set<String> canonical = new LinkedHashSet<>();
        for (int i = 0; i < contentTypes.size(); i++) {
            // MIME type names are case-insensitive (RFC 2045 section 5.1).
            String type = contentTypes.get(i).toLowerCase(Locale.ROOT);
            if (type.length() > ProfileContentType.MAX_CONTENT_TYPE_LENGTH || !CONTENT_TYPE.matcher(type).matches()) {
                throw new InvalidPreferencesException(path + "[" + i + "]",
                        "must be a MIME type, type/subtype or type/*, without parameters");
            }
            canonical.add(type);
        }
        return List.copyOf(canonical);
    }

    private static void checkActiveProfiles(Map<String, String> activeProfiles, List<PreferenceProfile> profiles) {
        if (activeProfiles.size() > MAX_DEVICES) {
            throw new InvalidPreferencesException("activeProfiles", "must have at most " + MAX_DEVICES + " devices");
        }
        Set<String> ids = new HashSet<>();
        profiles.forEach(p -> ids.add(p.id()));
        // Sorted, so that the same document always reports the same entry.
        for (String device : activeProfiles.keySet().stream().sorted().toList()) {
            String path = "activeProfiles[\"" + device + "\"]";
            if (device.isBlank()) {
                throw new InvalidPreferencesException(path, "has a blank device id");
            }
            if (device.length() > PreferenceDocument.MAX_DEVICE_ID_LENGTH) {
                throw new InvalidPreferencesException("activeProfiles", "has a device id over "
                        + PreferenceDocument.MAX_DEVICE_ID_LENGTH + " characters");
            }
            String profile = activeProfiles.get(device);
            if (!ids.contains(profile)) {
                throw new InvalidPreferencesException(path, "names no profile of this document: '" + profile + "'");
            }
        }
    }

    private static void text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidPreferencesException(field, "is required and must not be blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidPreferencesException(field, "must be at most " + maxLength + " characters");
        }
    }
}
