/**
 * MSRP (RFC 4975) on the wire: URIs and paths with the equality rules of sec 6.1; the frame model: requests (SEND,
 * REPORT and any other method as written), responses, typed headers (To-Path, From-Path, Message-ID, Byte-Range,
 * Success-Report, Failure-Report, Status, Content-Type) with extension headers kept in order, and the end-line
 * flags; {@link org.opencpm.msrp.codec.FrameParser}, which reads frames incrementally from a connection's bytes
 * and passes bodies through in pieces, never holding one whole; and {@link org.opencpm.msrp.codec.FrameWriter},
 * which writes them, bodies whole or streamed, never with their own end-line inside. Pure Java without container
 * dependencies; malformed input is refused with a {@link org.opencpm.msrp.codec.MsrpProtocolException} that carries
 * the MSRP status to answer and a one-line reason.
 */
package org.opencpm.msrp.codec;
