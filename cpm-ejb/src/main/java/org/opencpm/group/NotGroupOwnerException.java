package org.opencpm.group;

/** A user asked to change a group they do not own (OMA CPM SD 5.2.3.4: the owner manages the members). */
public final class NotGroupOwnerException extends GroupException {

    private static final long serialVersionUID = 1L;

    public NotGroupOwnerException(String group) {
        super("Only the owner may change the group " + group);
    }
}
