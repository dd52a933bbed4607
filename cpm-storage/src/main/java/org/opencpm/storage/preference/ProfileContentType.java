package org.opencpm.storage.preference;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A MIME type ({@code type/subtype} or {@code type/*}) that the profile {@link #getProfileId()} accepts. */
@Embeddable
public class ProfileContentType {

    /** RFC 6838 section 4.2: type and subtype names are at most 127 characters each. */
    public static final int MAX_CONTENT_TYPE_LENGTH = 255;

    @Column(name = "profile_id", nullable = false, length = StoredProfile.MAX_ID_LENGTH)
    private String profileId;

    @Column(name = "content_type", nullable = false, length = MAX_CONTENT_TYPE_LENGTH)
    private String contentType;

    protected ProfileContentType() {
        // for JPA
    }

    public ProfileContentType(String profileId, String contentType) {
        this.profileId = Objects.requireNonNull(profileId, "profileId");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
    }

    public String getProfileId() {
        return profileId;
    }

    public String getContentType() {
        return contentType;
    }
}
