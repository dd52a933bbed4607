/**
 * MSRP connector (RFC 4975/4976): listeners, connections, framing, chunking, reports and hop-to-hop relaying for
 * sessions and large message mode. Built out by its own issue; nothing here is deployed yet.
 */
package org.opencpm.msrp;
