package org.opencpm.registrar;

/**
 * Expiry limits (RFC 3261 section 10.3 step 7): a contact asking for less than {@code minExpires} seconds is
 * refused with 423, more than {@code maxExpires} is cut down, none at all gets {@code defaultExpires}. At most
 * {@code maxContacts} bindings per address of record.
 */
public record RegistrarPolicy(int minExpires, int defaultExpires, int maxExpires, int maxContacts) {

    public static RegistrarPolicy defaults() {
        return new RegistrarPolicy(
                Integer.getInteger("opencpm.registrar.min-expires", 60),
                Integer.getInteger("opencpm.registrar.default-expires", 3600),
                Integer.getInteger("opencpm.registrar.max-expires", 86400),
                Integer.getInteger("opencpm.registrar.max-contacts", 10));
    }
}
