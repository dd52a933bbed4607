package org.opencpm.rest.conversation;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencpm.messagestore.imap.ConversationFolder;

/** A CPM folder of the user's store: a conversation, or a session inside one. */
@Schema(name = "StoredConversation")
@JsonbPropertyOrder({"folder", "kind", "identifier", "mailbox", "objects", "unseen"})
public record ConversationJson(
        @Schema(description = "The folder below the default folder: one name, or two joined by '.' for a session "
                + "folder; URL-encoded, it names the folder in .../conversations/{folder}/items",
                example = "sip:bob@opencpm=2Etest")
        String folder,
        @Schema(description = "ONE_TO_ONE: named after the other party's identity (a URI); GROUP: named after a "
                + "Conversation-ID; SESSION: inside a conversation folder, named after the session's "
                + "Contribution-ID. An SMS/MMS interworked group, named after a tel: number, reads as ONE_TO_ONE",
                enumeration = {"ONE_TO_ONE", "GROUP", "SESSION"})
        String kind,
        @Schema(description = "The identity, Conversation-ID or Contribution-ID the folder is named after; absent "
                + "when the name is shortened with a hash (identifiers longer than a folder name)",
                example = "sip:bob@opencpm.test")
        String identifier,
        @Schema(description = "The full mailbox name in the store", example = "Default.sip:bob@opencpm=2Etest")
        String mailbox,
        @Schema(description = "How many objects the folder holds")
        int objects,
        @Schema(description = "How many of them are not \\Seen")
        int unseen) {

    static ConversationJson of(ConversationFolder folder) {
        return new ConversationJson(folder.path().toString(), folder.path().kind().name(),
                folder.path().identifier().orElse(null), folder.mailbox(), folder.objects(), folder.unseen());
    }
}
