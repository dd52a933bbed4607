package org.opencpm.storage.user;

/** An insert that a unique constraint of {@code cpm_user} refused: another transaction took the address first. */
public class DuplicateUserAccountException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateUserAccountException(String address, Throwable cause) {
        super(address + " already exists", cause);
    }
}
