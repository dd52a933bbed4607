package org.opencpm.user;

/** There already is an account with this address. */
public final class UserAlreadyExistsException extends UserAccountException {

    private static final long serialVersionUID = 1L;

    private final String address;

    public UserAlreadyExistsException(String address) {
        super("A user with address " + address + " already exists");
        this.address = address;
    }

    public String address() {
        return address;
    }
}
