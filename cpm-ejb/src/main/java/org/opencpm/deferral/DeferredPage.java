package org.opencpm.deferral;

import java.util.List;

/** One page of a user's deferred queue, oldest first, with the number of messages in the queue. */
public record DeferredPage(List<QueuedMessage> items, long total) {

    public DeferredPage {
        items = List.copyOf(items);
    }
}
