/**
 * The {@code multipart/mixed} framing (RFC 2046 sec 5.1) shared by the bodies that combine parts: the RFC 5365
 * recipient-list MESSAGE and RFC 5438 aggregated notifications.
 */
package org.opencpm.message.multipart;
