package org.opencpm.participating;

/**
 * Pager mode carries at most 1300 bytes of body (OMA CPM SD 5.2.2.1: larger messages use large message mode);
 * the figure follows RFC 3428 section 5's advice for requests that may travel over UDP.
 */
public final class PagerModeLimits {

    public static final int MAX_PAGER_BODY = 1300;

    private PagerModeLimits() {
    }

    public static boolean tooLargeForPagerMode(int bodyLength) {
        return bodyLength > MAX_PAGER_BODY;
    }

    /** The Warning header value sent with 413 (RFC 3261 section 20.43, code 399: miscellaneous). */
    public static String warningFor(String agent) {
        return "399 " + agent + " \"Message body over " + MAX_PAGER_BODY
                + " bytes: send it in large message mode (an MSRP session, OMA CPM SD 5.2.2.1.5)\"";
    }
}
