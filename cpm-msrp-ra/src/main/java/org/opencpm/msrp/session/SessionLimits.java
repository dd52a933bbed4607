package org.opencpm.msrp.session;

/**
 * The bounds and timers of sessions.
 *
 * @param chunkSize the body size of the chunks a message is cut into when sent
 * @param queueBytes the bytes one session may have queued unwritten before its senders wait
 * @param transactionTimeoutMillis how long a request waits for its response before it counts as a 408
 * @param bindTimeoutMillis how long a passive session waits for its peer, and an accepted connection for a first
 *     session, before giving up
 * @param maxMessageSize the largest message received or relayed; beyond it, 413
 * @param maxMessagesInProgress messages one session may be receiving or relaying at once; more get 413
 * @param relaySliceBytes the longest chunk a bridge passes on whole; longer ones go on in slices of this size
 * @param maxOutstanding transactions one bridge leg may have awaiting their response; beyond it the chunk is
 *     refused with 413, which bounds what a storm of tiny chunks costs
 */
public record SessionLimits(int chunkSize, long queueBytes, long transactionTimeoutMillis, long bindTimeoutMillis,
        long maxMessageSize, int maxMessagesInProgress, int relaySliceBytes, int maxOutstanding) {

    public SessionLimits {
        if (chunkSize < 1 || queueBytes < 1 || transactionTimeoutMillis < 1 || bindTimeoutMillis < 1
                || maxMessageSize < 0 || maxMessagesInProgress < 1 || relaySliceBytes < 1 || maxOutstanding < 1) {
            throw new IllegalArgumentException("session limits out of range");
        }
    }
}
