package org.opencpm.rest.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencpm.messagestore.imap.ConversationFolder;
import org.opencpm.messagestore.imap.FolderPath;
import org.opencpm.messagestore.imap.StoredItem;
import org.opencpm.messagestore.imap.StoredPage;
import org.opencpm.messagestore.views.ConversationViews;
import org.opencpm.user.InvalidUserException;

/** The resource's paging parameters, its 404 for an unknown folder, and the JSON shapes as JSON-B writes them. */
class ConversationResourceTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final String WITH_BOB = "sip:bob@opencpm=2Etest";

    private final ConversationResource resource = new ConversationResource();
    private int offsetAsked;
    private int limitAsked;

    {
        resource.views = new ConversationViews() {
            @Override
            public StoredPage<ConversationFolder> conversations(String address, int offset, int limit) {
                offsetAsked = offset;
                limitAsked = limit;
                return new StoredPage<>(List.of(
                        new ConversationFolder(FolderPath.parse(WITH_BOB), "Default." + WITH_BOB, 3, 1),
                        new ConversationFolder(FolderPath.parse(WITH_BOB + ".c0ffee"), "Default." + WITH_BOB
                                + ".c0ffee", 1, 0),
                        new ConversationFolder(FolderPath.parse("g".repeat(63) + "~0123456789abcdef"),
                                "Default." + "g".repeat(63) + "~0123456789abcdef", 0, 0)), 9);
            }

            @Override
            public Optional<StoredPage<StoredItem>> items(String address, String folder, int offset, int limit) {
                offsetAsked = offset;
                limitAsked = limit;
                if (!folder.equals(WITH_BOB)) {
                    return Optional.empty();
                }
                return Optional.of(new StoredPage<>(List.of(new StoredItem(7, "<m@opencpm>", "message/cpim",
                        "sip:alice@opencpm.test", "sip:bob@opencpm.test", Instant.parse("2025-06-03T10:15:30Z"),
                        null, "conv-1", "contrib-1", null, "m-1", "sent", 624, List.of("\\Seen", "$CpmTemporary"),
                        new StoredItem.Excerpt("Hello Bob", false))), 3));
            }
        };
    }

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void theConversationList() {
        String json = JSONB.toJson(resource.list("alice@opencpm.test", "2", "3"));

        assertEquals(2, offsetAsked);
        assertEquals(3, limitAsked);
        assertEquals("{\"items\":["
                + "{\"folder\":\"sip:bob@opencpm=2Etest\",\"kind\":\"ONE_TO_ONE\",\"identifier\":\"sip:bob@opencpm.test\","
                + "\"mailbox\":\"Default.sip:bob@opencpm=2Etest\",\"objects\":3,\"unseen\":1},"
                + "{\"folder\":\"sip:bob@opencpm=2Etest.c0ffee\",\"kind\":\"SESSION\",\"identifier\":\"c0ffee\","
                + "\"mailbox\":\"Default.sip:bob@opencpm=2Etest.c0ffee\",\"objects\":1,\"unseen\":0},"
                + "{\"folder\":\"" + "g".repeat(63) + "~0123456789abcdef\",\"kind\":\"GROUP\","
                + "\"mailbox\":\"Default." + "g".repeat(63) + "~0123456789abcdef\",\"objects\":0,\"unseen\":0}],"
                + "\"offset\":2,\"limit\":3,\"total\":9}", json);
        resource.list("alice@opencpm.test", null, null);
        assertEquals(0, offsetAsked);
        assertEquals(ConversationResource.DEFAULT_LIMIT, limitAsked);
    }

    @Test
    void aFoldersItems() {
        String json = JSONB.toJson(resource.items("alice@opencpm.test", WITH_BOB, null, "1"));

        assertEquals("{\"folder\":\"sip:bob@opencpm=2Etest\",\"items\":[{\"uid\":7,\"messageId\":\"<m@opencpm>\","
                + "\"contentType\":\"message/cpim\",\"from\":\"sip:alice@opencpm.test\",\"to\":\"sip:bob@opencpm.test\","
                + "\"date\":\"2025-06-03T10:15:30Z\",\"conversationId\":\"conv-1\",\"contributionId\":\"contrib-1\","
                + "\"imdnMessageId\":\"m-1\",\"direction\":\"sent\",\"size\":624,\"flags\":[\"\\\\Seen\",\"$CpmTemporary\"],"
                + "\"excerpt\":{\"text\":\"Hello Bob\",\"truncated\":false}}],\"offset\":0,\"limit\":1,\"total\":3}",
                json);
    }

    @Test
    void anUnknownFolderIsNotFoundAndPagingMustBeNumbers() {
        assertThrows(NotFoundException.class, () -> resource.items("alice@opencpm.test", "sip:carol@x", null, null));
        assertEquals("offset", assertThrows(InvalidUserException.class,
                () -> resource.items("alice@opencpm.test", WITH_BOB, "1.5", null)).field());
        assertEquals("limit", assertThrows(InvalidUserException.class,
                () -> resource.list("alice@opencpm.test", null, "ten")).field());
    }
}
