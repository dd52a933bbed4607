/**
 * MSRP connector (RFC 4975/4976) for sessions and large message mode. So far the pure codecs it is built on, each
 * package with its own overview: {@code codec} (URIs, the frame model, the streaming parser and the writer),
 * {@code chunk} (chunking and reassembly), {@code report} (Success-Report and Failure-Report, responses and
 * REPORTs) and {@code sdp} (the SDP of MSRP media and its answer). Listeners, connections, sessions and the
 * resource adapter come on top of them.
 */
package org.opencpm.msrp;
