package org.opencpm.rest.deferral;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencpm.deferral.DeferredPage;

/** One page of {@code GET /users/{address}/deferred}: oldest first, the paging asked for, the queue's length. */
@Schema(name = "DeferredMessageList")
@JsonbPropertyOrder({"items", "offset", "limit", "total"})
public record DeferredListResponse(List<DeferredSummary> items, int offset, int limit, long total) {

    static DeferredListResponse of(DeferredPage page, int offset, int limit) {
        return new DeferredListResponse(page.items().stream().map(DeferredSummary::of).toList(), offset, limit,
                page.total());
    }
}
