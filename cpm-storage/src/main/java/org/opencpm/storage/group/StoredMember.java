package org.opencpm.storage.group;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** One member of a {@link GroupDocument}: a canonical sip: or tel: address, its role by name and a display name. */
@Embeddable
public class StoredMember {

    public static final int MAX_ADDRESS_LENGTH = 256;
    public static final int MAX_ROLE_LENGTH = 16;
    public static final int MAX_DISPLAY_NAME_LENGTH = 256;

    @Column(name = "address", nullable = false, length = MAX_ADDRESS_LENGTH)
    private String address;

    @Column(name = "role", nullable = false, length = MAX_ROLE_LENGTH)
    private String role;

    @Column(name = "display_name", length = MAX_DISPLAY_NAME_LENGTH)
    private String displayName;

    protected StoredMember() {
        // for JPA
    }

    public StoredMember(String address, String role, String displayName) {
        this.address = Objects.requireNonNull(address, "address");
        this.role = Objects.requireNonNull(role, "role");
        this.displayName = displayName;
    }

    public String getAddress() {
        return address;
    }

    public String getRole() {
        return role;
    }

    public String getDisplayName() {
        return displayName;
    }
}
