package org.opencpm.storage.group;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A CPM Pre-defined Group (OMA CPM SD 5.2.3.4), as the Shared Group XDM stores one: its address, owner (the user
 * name of a user of the home domain), display name, the policies the Controlling Function applies (5.2.2.1.2) and
 * the members in order. Enumerated values are stored by name (the enums belong to the services).
 */
@Entity
@Table(name = "cpm_groups",
        uniqueConstraints = @UniqueConstraint(name = "uk_cpm_groups_address", columnNames = "address"))
@NamedQuery(name = GroupDocument.FIND_BY_ADDRESS, query = "select g from GroupDocument g where g.address = :address")
@NamedQuery(name = GroupDocument.LIST, query = "select g from GroupDocument g order by g.address")
@NamedQuery(name = GroupDocument.COUNT, query = "select count(g) from GroupDocument g")
// A member is listed once per group (the service refuses repeats); distinct keeps paging right regardless.
@NamedQuery(name = GroupDocument.LIST_BY_MEMBER, query = "select distinct g from GroupDocument g join g.members m "
        + "where m.address = :address order by g.address")
@NamedQuery(name = GroupDocument.COUNT_BY_MEMBER,
        query = "select count(distinct g) from GroupDocument g join g.members m where m.address = :address")
@NamedQuery(name = GroupDocument.LIST_BY_OWNER,
        query = "select g from GroupDocument g where g.owner = :owner order by g.address")
public class GroupDocument {

    public static final int MAX_ADDRESS_LENGTH = 256;
    public static final int MAX_OWNER_LENGTH = 64;
    public static final int MAX_DISPLAY_NAME_LENGTH = 256;
    public static final int MAX_SETTING_LENGTH = 16;

    static final String FIND_BY_ADDRESS = "GroupDocument.findByAddress";
    static final String LIST = "GroupDocument.list";
    static final String COUNT = "GroupDocument.count";
    static final String LIST_BY_MEMBER = "GroupDocument.listByMember";
    static final String COUNT_BY_MEMBER = "GroupDocument.countByMember";
    static final String LIST_BY_OWNER = "GroupDocument.listByOwner";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = MAX_ADDRESS_LENGTH)
    private String address;

    @Column(nullable = false, length = MAX_OWNER_LENGTH)
    private String owner;

    @Column(name = "display_name", nullable = false, length = MAX_DISPLAY_NAME_LENGTH)
    private String displayName;

    @Column(name = "allow_standalone_messages", nullable = false)
    private boolean allowStandaloneMessages;

    @Column(name = "allow_sessions", nullable = false)
    private boolean allowSessions;

    @Column(name = "allow_file_transfer", nullable = false)
    private boolean allowFileTransfer;

    @Column(name = "who_may_initiate", nullable = false, length = MAX_SETTING_LENGTH)
    private String whoMayInitiate;

    @Column(name = "max_members", nullable = false)
    private int maxMembers;

    @Column(name = "anonymity_allowed", nullable = false)
    private boolean anonymityAllowed;

    @Column(nullable = false)
    private boolean closed;

    @Column(nullable = false, length = MAX_SETTING_LENGTH)
    private String kind;

    @ElementCollection
    @CollectionTable(name = "cpm_group_members", joinColumns = @JoinColumn(name = "group_id"))
    @OrderColumn(name = "member_index")
    private List<StoredMember> members = new ArrayList<>();

    @Version
    private long version;

    protected GroupDocument() {
        // for JPA
    }

    /** A group without members; set the rest before it is persisted. */
    public GroupDocument(String address, String owner) {
        this.address = Objects.requireNonNull(address, "address");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    public String getAddress() {
        return address;
    }

    public String getOwner() {
        return owner;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = Objects.requireNonNull(displayName, "displayName");
    }

    public boolean isAllowStandaloneMessages() {
        return allowStandaloneMessages;
    }

    public void setAllowStandaloneMessages(boolean allowStandaloneMessages) {
        this.allowStandaloneMessages = allowStandaloneMessages;
    }

    public boolean isAllowSessions() {
        return allowSessions;
    }

    public void setAllowSessions(boolean allowSessions) {
        this.allowSessions = allowSessions;
    }

    public boolean isAllowFileTransfer() {
        return allowFileTransfer;
    }

    public void setAllowFileTransfer(boolean allowFileTransfer) {
        this.allowFileTransfer = allowFileTransfer;
    }

    public String getWhoMayInitiate() {
        return whoMayInitiate;
    }

    public void setWhoMayInitiate(String whoMayInitiate) {
        this.whoMayInitiate = Objects.requireNonNull(whoMayInitiate, "whoMayInitiate");
    }

    public int getMaxMembers() {
        return maxMembers;
    }

    public void setMaxMembers(int maxMembers) {
        this.maxMembers = maxMembers;
    }

    public boolean isAnonymityAllowed() {
        return anonymityAllowed;
    }

    public void setAnonymityAllowed(boolean anonymityAllowed) {
        this.anonymityAllowed = anonymityAllowed;
    }

    public boolean isClosed() {
        return closed;
    }

    public void setClosed(boolean closed) {
        this.closed = closed;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public List<StoredMember> getMembers() {
        return Collections.unmodifiableList(members);
    }

    // Changed in place: the persistence provider tracks the collection instance it loaded.
    public void replaceMembers(List<StoredMember> newMembers) {
        members.clear();
        members.addAll(newMembers);
    }
}
