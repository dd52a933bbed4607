package org.opencpm.user;

import jakarta.ejb.ApplicationException;

/**
 * A request to {@link UserAccountService} that was refused. An application exception (inherited by the
 * subclasses): it reaches the caller as is, not wrapped in an {@code EJBException}, and rolls back the transaction.
 */
@ApplicationException(rollback = true)
public abstract sealed class UserAccountException extends RuntimeException
        permits InvalidUserException, UserAlreadyExistsException, UserNotFoundException {

    private static final long serialVersionUID = 1L;

    protected UserAccountException(String message) {
        super(message);
    }
}
