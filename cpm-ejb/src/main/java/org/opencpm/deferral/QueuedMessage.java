package org.opencpm.deferral;

/** A deferred message as administrators see it: the message and how many deliveries have claimed it so far. */
public record QueuedMessage(DeferredMessage message, int attempts) {
}
