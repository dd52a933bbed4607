package org.opencpm.group;

/**
 * A group, member or policy that breaks a rule. {@link #field()} is the path of the offending value in what was
 * given ({@code displayName}, {@code members[2].address}, {@code policy.maxMembers}), {@link #detail()} says what
 * is wrong with it.
 */
public final class InvalidGroupException extends GroupException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String detail;

    public InvalidGroupException(String field, String detail) {
        super(field + ' ' + detail);
        this.field = field;
        this.detail = detail;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }
}
