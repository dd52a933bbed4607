/**
 * User accounts: the {@link org.opencpm.storage.user.UserAccount} entity (one SIP address of record with its HTTP
 * Digest credentials), its repository, and the HA1 hashing of RFC 2617 / RFC 7616. Passwords are never stored,
 * only the MD5 and SHA-256 HA1 values, which is what a digest-authenticating registrar needs.
 */
package org.opencpm.storage.user;
