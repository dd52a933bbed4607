/**
 * MSRP sessions (RFC 4975): {@link org.opencpm.msrp.session.SessionImpl} binds a local URI to a connection
 * (active with a binding SEND, or passive on the peer's first request, RFC 6135), queues its data frames within a
 * byte budget that makes senders wait for the writer, sends messages as chunks with their transactions
 * ({@link org.opencpm.msrp.session.Transactions}: responses matched by transaction id, 408 after the timeout), and
 * hands what arrives to an {@link org.opencpm.msrp.session.InboundHandler}: its listener's sinks, or a bridge.
 */
package org.opencpm.msrp.session;
