/**
 * MSRP (RFC 4975) on the wire: URIs and paths, with the equality rules of sec 6.1. Pure Java without container
 * dependencies; malformed input is refused with a {@link org.opencpm.msrp.codec.MsrpProtocolException} that carries
 * the MSRP status to answer and a one-line reason.
 */
package org.opencpm.msrp.codec;
