package org.opencpm.rest.conversation;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencpm.messagestore.imap.StoredItem;
import org.opencpm.messagestore.imap.StoredPage;

/**
 * One page of {@code GET /users/{address}/conversations/{folder}/items}: the folder, its objects newest first
 * (as the store received them), the paging asked for, how many objects the folder holds.
 */
@Schema(name = "StoredItemList")
@JsonbPropertyOrder({"folder", "items", "offset", "limit", "total"})
public record StoredItemListResponse(
        @Schema(description = "The folder, as the conversation list names it")
        String folder,
        List<StoredItemJson> items,
        int offset,
        int limit,
        int total) {

    static StoredItemListResponse of(String folder, StoredPage<StoredItem> page, int offset, int limit) {
        return new StoredItemListResponse(folder, page.items().stream().map(StoredItemJson::of).toList(), offset,
                limit, page.total());
    }
}
