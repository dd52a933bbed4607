package org.opencpm.user;

/**
 * What a registrar needs to check an HTTP Digest response (RFC 3261 22, RFC 8760): the HA1 values of a user for
 * MD5 and SHA-256, lower-case hex, and the user's address of record.
 */
public record DigestCredentials(String username, String realm, String ha1Md5, String ha1Sha256, String address) {

    // HA1 is password-equivalent for digest authentication: keep it out of logs.
    @Override
    public String toString() {
        return "DigestCredentials[username=" + username + ", realm=" + realm + ", address=" + address + "]";
    }
}
