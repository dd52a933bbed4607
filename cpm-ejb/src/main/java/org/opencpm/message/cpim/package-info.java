/**
 * Codec for {@code message/cpim} (RFC 3862), the envelope of CPM standalone messages and of IMDNs: a bounded parser
 * that rejects malformed input with a one-line reason, accessors for the core and namespaced headers, and a builder
 * that checks what it builds the same way. Pure Java, no container dependencies.
 */
package org.opencpm.message.cpim;
