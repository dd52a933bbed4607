package org.opencpm.user;

/** There is no account with this address. */
public final class UserNotFoundException extends UserAccountException {

    private static final long serialVersionUID = 1L;

    private final String address;

    public UserNotFoundException(String address) {
        super("No user with address " + address);
        this.address = address;
    }

    public String address() {
        return address;
    }
}
