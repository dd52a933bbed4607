package org.opencpm.msrp.api;

/**
 * A snapshot of a connector.
 *
 * @param sessions sessions not closed
 * @param connections TCP connections open, accepted or opened
 * @param queuedBytes bytes queued in all sessions and not yet written
 * @param peakQueuedBytes the most bytes one session ever had queued: at most the session queue bound, or one
 *     frame when a single frame is larger
 */
public record MsrpStatistics(int sessions, int connections, long queuedBytes, long peakQueuedBytes) {
}
