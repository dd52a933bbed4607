package org.opencpm.storage.preference;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The preference document of one user of the home domain (OMA CPM SD 5.4), keyed by the user name. The enumerated
 * settings are stored by name (the enums belong to the services); a null one means the service provider's choice.
 * A user who never stored preferences has no row. Lists keep their order.
 */
@Entity
@Table(name = "cpm_preferences")
public class PreferenceDocument {

    public static final int MAX_USERNAME_LENGTH = 64;
    /** Blacklist entries and the forward-to address, canonical URIs. */
    public static final int MAX_ADDRESS_LENGTH = 256;
    /** A {@code +sip.instance} value or a contact URI, as the registrar keys bindings. */
    public static final int MAX_DEVICE_ID_LENGTH = 512;
    public static final int MAX_SETTING_LENGTH = 32;

    @Id
    @Column(length = MAX_USERNAME_LENGTH)
    private String username;

    @Column(name = "do_not_disturb", nullable = false)
    private boolean doNotDisturb;

    @Column(name = "reject_anonymous", nullable = false)
    private boolean rejectAnonymous;

    @Column(name = "message_handling", nullable = false, length = MAX_SETTING_LENGTH)
    private String messageHandling;

    @Column(name = "forward_to", length = MAX_ADDRESS_LENGTH)
    private String forwardTo;

    @Column(name = "deferred_delivery", length = MAX_SETTING_LENGTH)
    private String deferredDelivery;

    @Column(name = "expired_handling", length = MAX_SETTING_LENGTH)
    private String expiredHandling;

    @Column(name = "multi_device", length = MAX_SETTING_LENGTH)
    private String multiDevice;

    /** Null: the service provider's choice. */
    @Column(name = "record_conversations")
    private Boolean recordConversations;

    @ElementCollection
    @CollectionTable(name = "cpm_pref_blacklist", joinColumns = @JoinColumn(name = "username"))
    @OrderColumn(name = "entry_index")
    @Column(name = "address", nullable = false, length = MAX_ADDRESS_LENGTH)
    private List<String> blacklist = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "cpm_pref_profile", joinColumns = @JoinColumn(name = "username"))
    @OrderColumn(name = "entry_index")
    private List<StoredProfile> profiles = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "cpm_pref_content_type", joinColumns = @JoinColumn(name = "username"))
    @OrderColumn(name = "entry_index")
    private List<ProfileContentType> contentTypes = new ArrayList<>();

    /** Device id to the id of its active profile. */
    @ElementCollection
    @CollectionTable(name = "cpm_pref_active_profile", joinColumns = @JoinColumn(name = "username"))
    @MapKeyColumn(name = "device_id", length = MAX_DEVICE_ID_LENGTH)
    @Column(name = "profile_id", nullable = false, length = StoredProfile.MAX_ID_LENGTH)
    private Map<String, String> activeProfiles = new HashMap<>();

    protected PreferenceDocument() {
        // for JPA
    }

    /** An empty document (message handling {@code messageHandling}) for {@code username}. */
    public PreferenceDocument(String username, String messageHandling) {
        this.username = Objects.requireNonNull(username, "username");
        this.messageHandling = Objects.requireNonNull(messageHandling, "messageHandling");
    }

    public String getUsername() {
        return username;
    }

    public boolean isDoNotDisturb() {
        return doNotDisturb;
    }

    public void setDoNotDisturb(boolean doNotDisturb) {
        this.doNotDisturb = doNotDisturb;
    }

    public boolean isRejectAnonymous() {
        return rejectAnonymous;
    }

    public void setRejectAnonymous(boolean rejectAnonymous) {
        this.rejectAnonymous = rejectAnonymous;
    }

    public String getMessageHandling() {
        return messageHandling;
    }

    public void setMessageHandling(String messageHandling) {
        this.messageHandling = Objects.requireNonNull(messageHandling, "messageHandling");
    }

    public String getForwardTo() {
        return forwardTo;
    }

    public void setForwardTo(String forwardTo) {
        this.forwardTo = forwardTo;
    }

    public String getDeferredDelivery() {
        return deferredDelivery;
    }

    public void setDeferredDelivery(String deferredDelivery) {
        this.deferredDelivery = deferredDelivery;
    }

    public String getExpiredHandling() {
        return expiredHandling;
    }

    public void setExpiredHandling(String expiredHandling) {
        this.expiredHandling = expiredHandling;
    }

    public String getMultiDevice() {
        return multiDevice;
    }

    public void setMultiDevice(String multiDevice) {
        this.multiDevice = multiDevice;
    }

    public List<String> getBlacklist() {
        return Collections.unmodifiableList(blacklist);
    }

    // The collections are changed in place: the persistence provider tracks the instances it loaded.

    public void replaceBlacklist(List<String> addresses) {
        blacklist.clear();
        blacklist.addAll(addresses);
    }

    public List<StoredProfile> getProfiles() {
        return Collections.unmodifiableList(profiles);
    }

    /** The content types of every profile, in order within each profile. */
    public List<ProfileContentType> getContentTypes() {
        return Collections.unmodifiableList(contentTypes);
    }

    public void replaceProfiles(List<StoredProfile> newProfiles, List<ProfileContentType> newContentTypes) {
        profiles.clear();
        profiles.addAll(newProfiles);
        contentTypes.clear();
        contentTypes.addAll(newContentTypes);
    }

    public Map<String, String> getActiveProfiles() {
        return Collections.unmodifiableMap(activeProfiles);
    }

    public void replaceActiveProfiles(Map<String, String> deviceProfiles) {
        activeProfiles.clear();
        activeProfiles.putAll(deviceProfiles);
    }

    public Boolean getRecordConversations() {
        return recordConversations;
    }

    public void setRecordConversations(Boolean recordConversations) {
        this.recordConversations = recordConversations;
    }
}
