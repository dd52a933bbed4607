/**
 * TCP for MSRP: {@link org.opencpm.msrp.connection.Acceptor} listens, and each
 * {@link org.opencpm.msrp.connection.MsrpConnection} has a reader thread feeding the streaming parser and a writer
 * thread writing queued frames whole, responses and REPORTs ahead of data. Blocking sockets, two threads per
 * connection: simple to follow, and a reader that cannot hand a chunk on simply stops reading, which is the
 * back-pressure TCP passes to the sender. Knows frames as bytes only; sessions live in {@code session}.
 */
package org.opencpm.msrp.connection;
