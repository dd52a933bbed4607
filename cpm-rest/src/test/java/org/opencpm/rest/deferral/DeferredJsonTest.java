package org.opencpm.rest.deferral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opencpm.deferral.DeferredMessage;
import org.opencpm.deferral.DeferredPage;
import org.opencpm.deferral.QueuedMessage;

/** The response shapes of {@code /users/{address}/deferred}, through JSON-B as WildFly runs it. */
class DeferredJsonTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final UUID ID = UUID.fromString("0b7c6f7e-3c1a-4a55-9a4c-6f1e0f2d9b11");
    private static final Instant DEFERRED = Instant.parse("2026-11-21T12:00:00.123Z");
    private static final Instant EXPIRES = Instant.parse("2026-11-28T12:00:00.123Z");

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    private static QueuedMessage queued(String contentType, byte[] body, String subject) {
        return new QueuedMessage(new DeferredMessage(ID, "alice", "<sip:bob@opencpm.test>", "sip:bob@opencpm.test",
                List.of("Contribution-ID: abc", "Subject: hi"), contentType, body, false, "m-1",
                "positive-delivery, display", subject, DEFERRED, EXPIRES), 2);
    }

    @Test
    void listOfSummaries() {
        DeferredPage page = new DeferredPage(List.of(queued("text/plain", "hi".getBytes(StandardCharsets.UTF_8),
                "hi")), 7);

        assertEquals("{\"items\":[{\"id\":\"0b7c6f7e-3c1a-4a55-9a4c-6f1e0f2d9b11\",\"from\":\"<sip:bob@opencpm.test>\","
                + "\"subject\":\"hi\",\"contentType\":\"text/plain\",\"size\":2,\"notification\":false,"
                + "\"deferredAt\":\"2026-11-21T12:00:00.123Z\",\"expiresAt\":\"2026-11-28T12:00:00.123Z\","
                + "\"attempts\":2}],\"offset\":5,\"limit\":1,\"total\":7}",
                JSONB.toJson(DeferredListResponse.of(page, 5, 1)));
    }

    @Test
    void textualMessageInFull() {
        String json = JSONB.toJson(DeferredDetail.of(queued("message/cpim", "From: <sip:bob@opencpm.test>\r\n"
                .getBytes(StandardCharsets.UTF_8), null)));

        assertEquals("{\"id\":\"0b7c6f7e-3c1a-4a55-9a4c-6f1e0f2d9b11\",\"from\":\"<sip:bob@opencpm.test>\","
                + "\"sender\":\"sip:bob@opencpm.test\",\"contentType\":\"message/cpim\",\"size\":30,"
                + "\"notification\":false,\"imdnMessageId\":\"m-1\","
                + "\"dispositionRequest\":\"positive-delivery, display\","
                + "\"deferredAt\":\"2026-11-21T12:00:00.123Z\",\"expiresAt\":\"2026-11-28T12:00:00.123Z\","
                + "\"attempts\":2,\"headers\":[\"Contribution-ID: abc\",\"Subject: hi\"],"
                + "\"body\":\"From: <sip:bob@opencpm.test>\\r\\n\",\"base64\":false}", json);
    }

    @Test
    void binaryMessageInFull() {
        DeferredDetail detail = DeferredDetail.of(queued("application/octet-stream", new byte[] {1, 2, 3}, null));

        assertEquals("AQID", detail.body());
        assertEquals(true, detail.base64());
        assertEquals(3, detail.size());
    }

    @Test
    void purge() {
        assertEquals("{\"purged\":3}", JSONB.toJson(new PurgeResponse(3)));
    }
}
