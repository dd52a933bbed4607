package org.opencpm.group;

/** There is no group with this address. */
public final class GroupNotFoundException extends GroupException {

    private static final long serialVersionUID = 1L;

    public GroupNotFoundException(String address) {
        super("No group with address " + address);
    }
}
