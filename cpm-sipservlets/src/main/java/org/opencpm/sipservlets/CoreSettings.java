package org.opencpm.sipservlets;

import java.util.Locale;
import java.util.Optional;
import org.opencpm.authentication.CredentialsSource;

/** The home domain this server serves (from {@link org.opencpm.user.HomeDomain}); also the digest realm. */
public record CoreSettings(String domain) {

    /** The canonical address of record of a user of the home domain. */
    public String addressOf(String user) {
        return "sip:" + user + "@" + domain;
    }

    /** The user name of a canonical {@code sip:user@domain} address of the home domain; empty for any other. */
    public Optional<String> userOf(String address) {
        if (address == null || !address.regionMatches(true, 0, "sip:", 0, 4)) {
            return Optional.empty();
        }
        int at = address.indexOf('@');
        if (at <= 4 || !address.substring(at + 1).toLowerCase(Locale.ROOT).equals(domain.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(address.substring(4, at));
    }

    /** The user name of {@code address} when it is a user of the home domain who has an account. */
    public Optional<String> homeUserOf(String address, CredentialsSource users) {
        return userOf(address).filter(user -> users.credentials(user, domain).isPresent());
    }
}
