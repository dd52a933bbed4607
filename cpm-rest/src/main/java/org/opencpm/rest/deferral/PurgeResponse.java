package org.opencpm.rest.deferral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer of {@code DELETE /users/{address}/deferred}. */
@Schema(name = "DeferredQueuePurged")
public record PurgeResponse(@Schema(description = "How many messages were removed") int purged) {
}
