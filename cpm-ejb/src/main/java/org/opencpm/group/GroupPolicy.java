package org.opencpm.group;

/**
 * The policies attached to a group (OMA CPM SD 5.2.3.4) that the Controlling Function applies (5.2.2.1.2): which
 * services the group allows, who may initiate them, how many members it may have (the owner included), whether
 * senders may stay anonymous, whether its sessions are closed to new participants (5.2.3.4.1), and its kind.
 */
public record GroupPolicy(boolean allowStandaloneMessages, boolean allowSessions, boolean allowFileTransfer,
                          WhoMayInitiate whoMayInitiate, int maxMembers, boolean anonymityAllowed, boolean closed,
                          GroupKind kind) {

    public static final int DEFAULT_MAX_MEMBERS = 100;

    /** Every service, for members, up to {@value #DEFAULT_MAX_MEMBERS} members, no anonymity, open, pre-arranged. */
    public static GroupPolicy defaults() {
        return new GroupPolicy(true, true, true, WhoMayInitiate.MEMBERS, DEFAULT_MAX_MEMBERS, false, false,
                GroupKind.PRE_ARRANGED);
    }

    /** Whether the group allows {@code service} at all, whoever asks. */
    public boolean allows(GroupService.Service service) {
        return switch (service) {
            case STANDALONE_MESSAGE -> allowStandaloneMessages;
            case SESSION -> allowSessions;
            case FILE_TRANSFER -> allowFileTransfer;
        };
    }
}
