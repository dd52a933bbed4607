package org.opencpm.rest.deferral;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /me/deferred/retrieve}: the deferred messages the client wants now. */
@Schema(name = "DeferredRetrieval")
public record RetrieveRequest(@Schema(description = "Ids from the in-band notice or the listing", maxItems = 500)
                              List<String> ids) {
}
