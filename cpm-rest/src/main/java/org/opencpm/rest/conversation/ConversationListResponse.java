package org.opencpm.rest.conversation;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencpm.messagestore.imap.ConversationFolder;
import org.opencpm.messagestore.imap.StoredPage;

/**
 * One page of {@code GET /users/{address}/conversations}: by folder name, each conversation followed by its
 * sessions; the paging asked for; how many folders there are.
 */
@Schema(name = "StoredConversationList")
@JsonbPropertyOrder({"items", "offset", "limit", "total"})
public record ConversationListResponse(List<ConversationJson> items, int offset, int limit, int total) {

    static ConversationListResponse of(StoredPage<ConversationFolder> page, int offset, int limit) {
        return new ConversationListResponse(page.items().stream().map(ConversationJson::of).toList(), offset, limit,
                page.total());
    }
}
