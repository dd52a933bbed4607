package org.opencpm.storage.preference;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * One User Preference Profile of a {@link PreferenceDocument}, without its content types: an element collection
 * cannot hold a collection, so those are the document's {@link ProfileContentType}s.
 */
@Embeddable
public class StoredProfile {

    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_DISPLAY_NAME_LENGTH = 256;

    @Column(name = "profile_id", nullable = false, length = MAX_ID_LENGTH)
    private String profileId;

    @Column(name = "display_name", nullable = false, length = MAX_DISPLAY_NAME_LENGTH)
    private String displayName;

    @Column(name = "standalone_messages", nullable = false)
    private boolean standaloneMessages;

    /** Bytes, or null for no limit. */
    @Column(name = "max_message_size")
    private Long maxMessageSize;

    protected StoredProfile() {
        // for JPA
    }

    public StoredProfile(String profileId, String displayName, boolean standaloneMessages, Long maxMessageSize) {
        this.profileId = Objects.requireNonNull(profileId, "profileId");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.standaloneMessages = standaloneMessages;
        this.maxMessageSize = maxMessageSize;
    }

    public String getProfileId() {
        return profileId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public boolean isStandaloneMessages() {
        return standaloneMessages;
    }

    public Long getMaxMessageSize() {
        return maxMessageSize;
    }
}
