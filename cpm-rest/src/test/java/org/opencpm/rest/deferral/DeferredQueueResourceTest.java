package org.opencpm.rest.deferral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencpm.deferral.DeferralPolicy;
import org.opencpm.deferral.DeferralService;
import org.opencpm.deferral.DeferredMessage;
import org.opencpm.storage.deferral.InMemoryDeferredMessageRepository;
import org.opencpm.user.HomeDomain;
import org.opencpm.user.InvalidUserException;
import org.opencpm.user.UserAccountService;
import org.opencpm.user.UserAccountSummary;
import org.opencpm.user.UserNotFoundException;

/** The resource's validation and answers, on an in-memory queue and a home domain with one user, alice. */
class DeferredQueueResourceTest {

    private final DeferralService queue = new DeferralService(new InMemoryDeferredMessageRepository(),
            DeferralPolicy.defaults(), Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC));
    private final DeferredQueueResource resource = new DeferredQueueResource();

    {
        resource.queue = queue;
        resource.users = new OnlyAlice();
        resource.homeDomain = new HomeDomain();
    }

    private DeferredMessage defer(String recipient, String text) {
        return queue.defer(new DeferredMessage(null, recipient, "<sip:bob@opencpm.test>", null, List.of(),
                "text/plain", text.getBytes(StandardCharsets.UTF_8), false, null, null, text, null, null));
    }

    @Test
    void listsPages() {
        defer("alice", "one");
        defer("alice", "two");
        defer("alice", "three");

        DeferredListResponse page = resource.list("alice@opencpm.test", "1", "1");

        assertEquals(1, page.items().size());
        assertEquals(3, page.total());
        assertEquals(1, page.offset());
        assertEquals(1, page.limit());
        assertEquals(DeferredQueueResource.DEFAULT_LIMIT, resource.list("sip:alice@opencpm.test", null, null).limit());
    }

    @ParameterizedTest
    @CsvSource({"-1, 10, offset", "x, 10, offset", "0, 0, limit", "0, 201, limit", "0, 1.5, limit"})
    void refusesBadPaging(String offset, String limit, String field) {
        InvalidUserException e = assertThrows(InvalidUserException.class,
                () -> resource.list("alice@opencpm.test", offset, limit));

        assertEquals(field, e.field());
    }

    @Test
    void unknownUsersAndForeignAddresses() {
        assertThrows(UserNotFoundException.class, () -> resource.list("bob@opencpm.test", null, null));
        assertThrows(UserNotFoundException.class, () -> resource.purge("bob@opencpm.test"));
        assertEquals("address", assertThrows(InvalidUserException.class,
                () -> resource.list("alice@elsewhere.test", null, null)).field());
    }

    @Test
    void getsAndRemovesByIdWithinTheUsersQueue() {
        DeferredMessage one = defer("alice", "one");
        DeferredMessage carols = defer("carol", "other");

        assertEquals("one", resource.get("alice@opencpm.test", one.id().toString()).subject());
        assertEquals("one", resource.get("alice@opencpm.test", one.id().toString().toUpperCase()).subject());
        assertThrows(NotFoundException.class, () -> resource.get("alice@opencpm.test", carols.id().toString()));
        assertThrows(NotFoundException.class, () -> resource.remove("alice@opencpm.test", carols.id().toString()));
        resource.remove("alice@opencpm.test", one.id().toString());
        assertThrows(NotFoundException.class, () -> resource.remove("alice@opencpm.test", one.id().toString()));
        assertEquals(1, queue.count("carol"));
    }

    @ParameterizedTest
    @CsvSource({"not-a-uuid", "1-2-3-4-5", "0b7c6f7e3c1a4a559a4c6f1e0f2d9b11"})
    void refusesWhatIsNotAMessageId(String id) {
        assertEquals("id", assertThrows(InvalidUserException.class, () -> resource.get("alice@opencpm.test", id))
                .field());
        assertEquals("id", assertThrows(InvalidUserException.class, () -> resource.remove("alice@opencpm.test", id))
                .field());
    }

    @Test
    void purgeSaysHowMany() {
        defer("alice", "one");
        defer("alice", "two");

        assertEquals(new PurgeResponse(2), resource.purge("sip:alice@opencpm.test"));
        assertEquals(new PurgeResponse(0), resource.purge("alice@opencpm.test"));
        assertEquals(List.of(), resource.list("alice@opencpm.test", null, null).items());
    }

    private static final class OnlyAlice extends UserAccountService {

        @Override
        public UserAccountSummary get(String address) {
            if (!address.equals("sip:alice@opencpm.test")) {
                throw new UserNotFoundException(address);
            }
            Instant created = Instant.parse("2026-01-01T00:00:00Z");
            return new UserAccountSummary(address, created, created);
        }
    }
}
