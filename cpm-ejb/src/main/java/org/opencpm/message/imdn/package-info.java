/**
 * Instant Message Disposition Notifications (RFC 5438): the {@code imdn.Disposition-Notification} request header,
 * the {@code message/imdn+xml} document with safe XML parsing, and the CPIM envelope an IMDN travels in. Pure Java
 * on the JDK's own XML parser, no container dependencies.
 */
package org.opencpm.message.imdn;
