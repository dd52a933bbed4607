package org.opencpm.group;

/** The address asked for is taken, by a group or by a user of the home domain. */
public final class GroupAlreadyExistsException extends GroupException {

    private static final long serialVersionUID = 1L;

    private final String address;

    public GroupAlreadyExistsException(String address) {
        super("The address " + address + " is already taken");
        this.address = address;
    }

    public String address() {
        return address;
    }
}
