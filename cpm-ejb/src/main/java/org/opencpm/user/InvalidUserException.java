package org.opencpm.user;

/** An input value that breaks a rule; {@link #field()} names it, the message says what is wrong with it. */
public final class InvalidUserException extends UserAccountException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidUserException(String field, String message) {
        super(field + ' ' + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
