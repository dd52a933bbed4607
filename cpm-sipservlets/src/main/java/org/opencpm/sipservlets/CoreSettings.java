package org.opencpm.sipservlets;

/** The home domain this server serves (from {@link org.opencpm.user.HomeDomain}); also the digest realm. */
public record CoreSettings(String domain) {

    /** The canonical address of record of a user of the home domain. */
    public String addressOf(String user) {
        return "sip:" + user + "@" + domain;
    }
}
