/**
 * MSRP connector (RFC 4975/4976) for sessions and large message mode. So far the pure codecs it is built on:
 * {@code codec} (URIs and paths). Listeners, connections and the resource adapter come on top of them.
 */
package org.opencpm.msrp;
