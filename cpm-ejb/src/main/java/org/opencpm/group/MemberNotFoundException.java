package org.opencpm.group;

/** The group has no member with this address. */
public final class MemberNotFoundException extends GroupException {

    private static final long serialVersionUID = 1L;

    public MemberNotFoundException(String group, String member) {
        super("The group " + group + " has no member " + member);
    }
}
