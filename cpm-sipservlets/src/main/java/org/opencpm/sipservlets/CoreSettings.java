package org.opencpm.sipservlets;

import java.util.Locale;

/** The home domain this server serves (system property {@code opencpm.domain}); also the digest realm. */
public record CoreSettings(String domain) {

    public static CoreSettings fromSystemProperties() {
        return new CoreSettings(System.getProperty("opencpm.domain", "opencpm.test").toLowerCase(Locale.ROOT));
    }

    /** The canonical address of record of a user of the home domain. */
    public String addressOf(String user) {
        return "sip:" + user + "@" + domain;
    }
}
