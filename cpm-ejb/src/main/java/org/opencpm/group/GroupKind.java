package org.opencpm.group;

/** The two kinds of CPM Pre-defined Group (OMA CPM SD 5.2.3.4). */
public enum GroupKind {
    /** The members are invited when the group is addressed. */
    PRE_ARRANGED,
    /** The members join a session of the group themselves. */
    JOIN_IN
}
