/**
 * Recipient lists: the {@code application/resource-lists+xml} document (RFC 4826) with the RFC 5364
 * {@code copyControl} attribute, parsed safely and bounded, and the {@code multipart/mixed} body of a MESSAGE to
 * many (RFC 5365) that carries one next to the message. Pure Java on the JDK's own XML parser, no container
 * dependencies.
 */
package org.opencpm.message.resourcelists;
