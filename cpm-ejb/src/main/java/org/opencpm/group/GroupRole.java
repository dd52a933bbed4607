package org.opencpm.group;

/** A member's role in a group. The owner is the one member with {@link #OWNER}; the others are for the clients. */
public enum GroupRole {
    OWNER,
    ADMIN,
    PARTICIPANT
}
