package org.opencpm.recording;

/** A recording entered the outbox: the uploader starts once the transaction that took it has committed. */
public record RecordingQueued() {
}
