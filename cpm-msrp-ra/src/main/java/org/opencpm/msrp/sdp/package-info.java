/**
 * SDP for MSRP sessions (RFC 4566, RFC 4975 sec 8, RFC 6135 with RFC 4145): {@link
 * org.opencpm.msrp.sdp.SessionDescription} reads and writes whole offer and answer bodies as INVITE and 200 carry
 * them, with the MSRP media typed ({@link org.opencpm.msrp.sdp.MsrpMedia}: path, accept-types,
 * accept-wrapped-types, max-size, direction, setup, connection) and every other attribute and media line passed
 * through as written; {@link org.opencpm.msrp.sdp.MsrpAnswerer} answers an offer: setup roles, direction and
 * accepted types agreed, other streams declined. The RFC 5547 file transfer attributes are typed too, as pure
 * codecs ({@link org.opencpm.msrp.sdp.FileSelector} with {@link org.opencpm.msrp.sdp.FileType} and
 * {@link org.opencpm.msrp.sdp.FileHash}, {@link org.opencpm.msrp.sdp.FileDate},
 * {@link org.opencpm.msrp.sdp.FileRange}), their lines kept as written. Pure Java; malformed bodies are refused
 * with a one-line reason.
 */
package org.opencpm.msrp.sdp;
