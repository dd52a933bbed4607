package org.opencpm.group;

import jakarta.ejb.ApplicationException;

/**
 * A request to {@link GroupService} that was refused. An application exception (inherited by the subclasses): it
 * reaches an EJB caller as is, not wrapped in an {@code EJBException}, and rolls back the transaction.
 */
@ApplicationException(rollback = true)
public abstract sealed class GroupException extends RuntimeException
        permits InvalidGroupException, GroupAlreadyExistsException, GroupNotFoundException, MemberNotFoundException,
        NotGroupOwnerException {

    private static final long serialVersionUID = 1L;

    protected GroupException(String message) {
        super(message);
    }
}
