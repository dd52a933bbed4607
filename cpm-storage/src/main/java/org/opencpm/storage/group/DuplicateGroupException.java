package org.opencpm.storage.group;

/** An insert refused by the unique address of {@code cpm_groups}: another transaction took the address first. */
public class DuplicateGroupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicateGroupException(String address, Throwable cause) {
        super(address + " already exists", cause);
    }
}
