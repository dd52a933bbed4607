package org.opencpm.messagestore.accounts;

import java.net.URI;
import java.time.Duration;
import org.opencpm.config.PolicyProperties;

/**
 * Where the message store's WebAdmin is and whether accounts are kept there ({@code opencpm.cms.*}, read once at
 * deployment; a bad value is logged and the default used, like the other policy properties).
 *
 * @param enabled      {@code opencpm.cms.enabled}: false when no message store is run (no outbox rows then)
 * @param webAdmin     {@code opencpm.cms.webadmin.url}: James' WebAdmin, which has no authentication: loopback
 * @param retry        {@code opencpm.cms.retry}: how often changes the store has not taken yet are tried again
 */
public record MessageStoreSettings(boolean enabled, URI webAdmin, Duration retry) {

    public static final String ENABLED = "opencpm.cms.enabled";
    public static final String WEBADMIN_URL = "opencpm.cms.webadmin.url";
    public static final String RETRY = "opencpm.cms.retry";
    public static final String DEFAULT_WEBADMIN_URL = "http://127.0.0.1:8000";

    public static MessageStoreSettings from(PolicyProperties properties) {
        String url = properties.text(WEBADMIN_URL, DEFAULT_WEBADMIN_URL, "https?://[^/?#\\s]+/?",
                "an http:// or https:// URL of host and port");
        return new MessageStoreSettings(properties.flag(ENABLED, true),
                URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url),
                properties.duration(RETRY, Duration.ofSeconds(15)));
    }
}
