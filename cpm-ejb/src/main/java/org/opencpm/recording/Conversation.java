package org.opencpm.recording;

import java.util.Objects;
import org.opencpm.messagestore.folders.CpmFolder;

/**
 * Which conversation history a recorded item belongs to (OMA CPM SD 5.2.1.2): a 1-1 conversation with another
 * party (its authenticated identity), or a group conversation (its Conversation-ID, or the group's address when the
 * message carried none).
 */
public record Conversation(boolean group, String id) {

    public Conversation {
        Objects.requireNonNull(id, "id");
    }

    public static Conversation oneToOne(String otherParty) {
        return new Conversation(false, otherParty);
    }

    public static Conversation group(String conversationIdOrAddress) {
        return new Conversation(true, conversationIdOrAddress);
    }

    /** Its conversation history folder. */
    public CpmFolder folder() {
        return group ? CpmFolder.group(id) : CpmFolder.oneToOne(id);
    }
}
