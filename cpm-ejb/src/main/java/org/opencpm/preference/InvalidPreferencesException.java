package org.opencpm.preference;

/**
 * A preference document that breaks a rule. {@link #field()} is the path of the offending value in the document
 * ({@code forwardTo}, {@code blacklist[3]}, {@code profiles[1].id}, {@code activeProfiles["urn:uuid:..."]}),
 * {@link #detail()} says what is wrong with it.
 */
public class InvalidPreferencesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String detail;

    public InvalidPreferencesException(String field, String detail) {
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
