package org.opencpm.preference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencpm.storage.preference.PreferenceDocument;
import org.opencpm.storage.preference.ProfileContentType;
import org.opencpm.storage.preference.StoredProfile;

/** Between {@link UserPreferences} and its stored form, {@link PreferenceDocument}; enums are stored by name. */
final class StoredPreferences {

    private StoredPreferences() {
    }

    static PreferenceDocument newDocument(String username) {
        return new PreferenceDocument(username, MessageHandling.DELIVER.name());
    }

    static UserPreferences read(PreferenceDocument stored) {
        Map<String, List<String>> contentTypes = new LinkedHashMap<>();
        for (ProfileContentType type : stored.getContentTypes()) {
            contentTypes.computeIfAbsent(type.getProfileId(), id -> new ArrayList<>()).add(type.getContentType());
        }
        List<PreferenceProfile> profiles = stored.getProfiles().stream()
                .map(p -> new PreferenceProfile(p.getProfileId(), p.getDisplayName(), p.isStandaloneMessages(),
                        p.getMaxMessageSize(), contentTypes.get(p.getProfileId())))
                .toList();
        return new UserPreferences(stored.isDoNotDisturb(), stored.getBlacklist(), stored.isRejectAnonymous(),
                MessageHandling.valueOf(stored.getMessageHandling()), stored.getForwardTo(),
                enumOrNull(DeferredDelivery.class, stored.getDeferredDelivery()),
                enumOrNull(ExpiredHandling.class, stored.getExpiredHandling()),
                enumOrNull(MultiDevicePolicy.class, stored.getMultiDevice()), profiles, stored.getActiveProfiles(),
                stored.getRecordConversations());
    }

    static void write(UserPreferences preferences, PreferenceDocument stored) {
        stored.setDoNotDisturb(preferences.doNotDisturb());
        stored.setRejectAnonymous(preferences.rejectAnonymous());
        stored.setMessageHandling(preferences.messageHandling().name());
        stored.setForwardTo(preferences.forwardTo());
        stored.setDeferredDelivery(nameOrNull(preferences.deferredDelivery()));
        stored.setExpiredHandling(nameOrNull(preferences.expiredHandling()));
        stored.setMultiDevice(nameOrNull(preferences.multiDevice()));
        stored.setRecordConversations(preferences.recordConversations());
        stored.replaceBlacklist(preferences.blacklist());
        List<StoredProfile> profiles = new ArrayList<>();
        List<ProfileContentType> contentTypes = new ArrayList<>();
        for (PreferenceProfile profile : preferences.profiles()) {
            profiles.add(new StoredProfile(profile.id(), profile.displayName(), profile.standaloneMessages(),
                    profile.maxMessageSize()));
            profile.contentTypes().forEach(type -> contentTypes.add(new ProfileContentType(profile.id(), type)));
        }
        stored.replaceProfiles(profiles, contentTypes);
        stored.replaceActiveProfiles(preferences.activeProfiles());
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static String nameOrNull(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
