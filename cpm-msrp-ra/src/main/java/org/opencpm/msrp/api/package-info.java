/**
 * The MSRP connector as applications see it: {@link org.opencpm.msrp.api.MsrpConnector} makes local sessions
 * ({@link org.opencpm.msrp.api.MsrpSession}) whose URI goes into SDP, connects them actively or passively as
 * RFC 6135 negotiated ({@link org.opencpm.msrp.api.ConnectRole}), sends messages as streams
 * ({@link org.opencpm.msrp.api.OutgoingMessage}, {@link org.opencpm.msrp.api.MessageDelivery}), hands incoming
 * ones chunk by chunk to a sink the {@link org.opencpm.msrp.api.MsrpSessionListener} chooses, bridges the two
 * legs of a back-to-back user agent so that chunks, Byte-Ranges and REPORTs pass between them with bounded memory,
 * and fans one session's messages out to many ({@link org.opencpm.msrp.api.MsrpFanOut}).
 * Only this package, the codec types it names and {@code org.opencpm.msrp.sdp} are meant for applications.
 */
package org.opencpm.msrp.api;
