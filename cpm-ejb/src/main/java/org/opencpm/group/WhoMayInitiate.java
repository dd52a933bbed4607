package org.opencpm.group;

/** Who may send to the group or start a session with it (OMA CPM SD 5.2.2.1.2: "whether the requesting CPM User is
 * allowed to initiate the service"). */
public enum WhoMayInitiate {
    /** Any member, the owner included. */
    MEMBERS,
    /** The owner only, as for an announcement list. */
    OWNER,
    /** Anyone who knows the group address. */
    ANYONE
}
