package org.opencpm.messagestore.imap;

import java.time.Duration;
import org.opencpm.config.PolicyProperties;

/**
 * How the server's components reach users' folders over IMAP ({@code opencpm.cms.*}, read like the other policy
 * properties: a bad value is logged and the default used). They connect as the store's administrator acting as
 * the user (cpm-cms: {@code opencpm.cms.admin}, {@code opencpm.cms.admin.password}, the same values on both sides).
 *
 * @param host                  {@code opencpm.cms.imap.host}, default 127.0.0.1
 * @param port                  {@code opencpm.cms.imap.port}, default 1143
 * @param administrator         {@code opencpm.cms.admin}, default {@code opencpm$admin@<home domain>}
 * @param administratorPassword {@code opencpm.cms.admin.password}; empty: writing into users' folders is off
 * @param timeout               {@code opencpm.cms.imap.timeout}: connecting, and waiting for each answer; PT10S
 */
public record MessageStoreImapSettings(String host, int port, String administrator, String administratorPassword,
                                       Duration timeout) {

    public static final String HOST = "opencpm.cms.imap.host";
    public static final String PORT = "opencpm.cms.imap.port";
    public static final String ADMIN = "opencpm.cms.admin";
    public static final String ADMIN_PASSWORD = "opencpm.cms.admin.password";
    public static final String TIMEOUT = "opencpm.cms.imap.timeout";

    public static MessageStoreImapSettings from(PolicyProperties properties, String homeDomain) {
        return new MessageStoreImapSettings(
                properties.text(HOST, "127.0.0.1", "[A-Za-z0-9.:\\[\\]-]{1,253}", "a host name or address"),
                properties.count(PORT, 1143, 1, 65535),
                properties.text(ADMIN, "opencpm$admin@" + homeDomain, "[^\\s@]{1,64}@[A-Za-z0-9.-]{1,253}",
                        "user@domain"),
                // never logged: the pattern takes anything
                properties.text(ADMIN_PASSWORD, "", "(?s).*", "a password"),
                properties.duration(TIMEOUT, Duration.ofSeconds(10)));
    }

    /** Whether an administrator password is configured, without which nothing can be written. */
    public boolean configured() {
        return !administratorPassword.isEmpty();
    }

    @Override
    public String toString() {
        return "MessageStoreImapSettings[" + host + ":" + port + " as " + administrator + ", timeout " + timeout + "]";
    }
}
