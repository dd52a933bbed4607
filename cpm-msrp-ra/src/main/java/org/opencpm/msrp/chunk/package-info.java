/**
 * Chunking (RFC 4975 sec 5.1): {@link org.opencpm.msrp.chunk.ChunkSplitter} cuts an outgoing message of known or
 * unknown size into chunks with their Byte-Range, one chunk in memory at a time, and
 * {@link org.opencpm.msrp.chunk.Reassembler} puts an incoming one back together at the Byte-Range offsets into an
 * abstract {@link org.opencpm.msrp.chunk.ChunkSink} (memory or file), in any order, keeping what arrived when a
 * message is aborted, and bounding size, pieces and resends. Pure Java, no container dependencies.
 */
package org.opencpm.msrp.chunk;
