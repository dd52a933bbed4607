/**
 * MSRP connector (RFC 4975, RFC 6135) for sessions and large message mode, in layers, each package with its own
 * overview. The codecs, pure Java: {@code codec} (URIs, the frame model, the streaming parser and the writer),
 * {@code chunk} (chunking and reassembly), {@code report} (Success-Report and Failure-Report, responses and
 * REPORTs) and {@code sdp} (the SDP of MSRP media and its answer). The connector on top of them: {@code api} (what
 * applications use), {@code connection} (listener and TCP connections), {@code session} (sessions, transactions,
 * delivery to listeners), {@code relay} (bridges between the legs of a B2BUA), {@code stack} (the running connector
 * and its embedded mode) and {@code ra} (the resource adapter in WildFly). {@code docs/msrp.md} tells the whole.
 */
package org.opencpm.msrp;
