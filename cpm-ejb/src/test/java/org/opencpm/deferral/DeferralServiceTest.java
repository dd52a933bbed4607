package org.opencpm.deferral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencpm.storage.deferral.InMemoryDeferredMessageRepository;
import org.opencpm.testsupport.MutableClock;

class DeferralServiceTest {

    private static final Instant START = Instant.parse("2026-11-21T12:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(START);
    private final DeferralService queue = new DeferralService(new InMemoryDeferredMessageRepository(),
            new DeferralPolicy(Duration.ofHours(1), 5, LEASE), clock);

    private static DeferredMessage message(String recipient, String text) {
        return new DeferredMessage(null, recipient, "<sip:bob@opencpm.test>", "sip:bob@opencpm.test",
                List.of("Subject: " + text, "Contribution-ID: abc"), "text/plain",
                text.getBytes(StandardCharsets.UTF_8), false, "id-" + text, "positive-delivery", text, null, null);
    }

    private DeferredMessage defer(String recipient, String text) {
        DeferredMessage queued = queue.defer(message(recipient, text));
        clock.advance(Duration.ofSeconds(1));
        return queued;
    }

    private static List<String> subjects(List<DeferredMessage> messages) {
        return messages.stream().map(DeferredMessage::subject).toList();
    }

    @Test
    void deferGivesAnIdAndTimesAndKeepsTheMessageAsItArrived() {
        DeferredMessage queued = queue.defer(message("alice", "hello"));

        assertNotNull(queued.id());
        assertEquals(START, queued.deferredAt());
        assertEquals(START.plus(Duration.ofHours(1)), queued.expiresAt());
        DeferredMessage stored = queue.find("alice", queued.id()).orElseThrow().message();
        assertEquals(List.of("Subject: hello", "Contribution-ID: abc"), stored.headerLines());
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), stored.body());
        assertEquals("<sip:bob@opencpm.test>", stored.fromHeader());
        assertEquals("sip:bob@opencpm.test", stored.senderIdentity());
        assertEquals("id-hello", stored.imdnMessageId());
        assertEquals("positive-delivery", stored.dispositionRequest());
        assertEquals(queued.expiresAt(), stored.expiresAt());
        assertEquals(0, queue.find("alice", queued.id()).orElseThrow().attempts());
    }

    @Test
    void deferKeepsAnExpiryTheMessageCarries() {
        Instant expiry = START.plus(Duration.ofMinutes(5));
        DeferredMessage m = message("alice", "short-lived");
        DeferredMessage withExpiry = new DeferredMessage(null, m.recipient(), m.fromHeader(), m.senderIdentity(),
                m.headerLines(), m.contentType(), m.body(), false, null, null, null, null, expiry);

        assertEquals(expiry, queue.defer(withExpiry).expiresAt());
    }

    @Test
    void claimTakesTheOldestUnderALeaseThatRunsOut() {
        defer("alice", "one");
        defer("alice", "two");
        defer("alice", "three");
        defer("carol", "other");

        assertEquals(List.of("one", "two"), subjects(queue.claim("alice", 2)));
        assertEquals(List.of("three"), subjects(queue.claim("alice", 10)));
        assertEquals(List.of(), queue.claim("alice", 10), "all are held by live leases");

        clock.advance(LEASE);
        assertEquals(List.of("one", "two", "three"), subjects(queue.claim("alice", 10)), "the leases ran out");
        assertEquals(List.of(2, 2, 2), queue.list("alice", 0, 10).items().stream().map(QueuedMessage::attempts)
                .toList());
    }

    @Test
    void claimByIdTakesOnlyTheRecipientsClaimableMessages() {
        DeferredMessage one = defer("alice", "one");
        DeferredMessage two = defer("alice", "two");
        DeferredMessage other = defer("carol", "other");
        queue.claim("alice", List.of(two.id()));

        List<DeferredMessage> claimed =
                queue.claim("alice", List.of(two.id(), other.id(), one.id(), UUID.randomUUID()));

        assertEquals(List.of("one"), subjects(claimed), "two is held, other is carol's");
    }

    @Test
    void deliveredRemovesAndReleaseRequeuesBothIdempotently() {
        DeferredMessage one = defer("alice", "one");
        DeferredMessage two = defer("alice", "two");
        queue.claim("alice", 10);

        queue.delivered(one.id());
        queue.delivered(one.id());
        queue.release(two.id());
        queue.release(two.id());
        queue.release(one.id());

        assertEquals(1, queue.count("alice"));
        assertEquals(List.of("two"), subjects(queue.claim("alice", 10)), "released before its lease ran out");
    }

    @Test
    void concurrentClaimsNeverShareAMessage() throws Exception {
        DeferralService big = new DeferralService(new InMemoryDeferredMessageRepository(),
                new DeferralPolicy(Duration.ofHours(1), 20_000, LEASE), clock);
        for (int i = 0; i < 2_000; i++) {
            big.defer(message("alice", "m" + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        Callable<List<UUID>> drain = () -> {
            start.await();
            List<UUID> mine = new ArrayList<>();
            for (List<DeferredMessage> batch = big.claim("alice", 7); !batch.isEmpty(); batch = big.claim("alice", 7)) {
                batch.forEach(m -> mine.add(m.id()));
            }
            return mine;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<UUID>> first = pool.submit(drain);
            Future<List<UUID>> second = pool.submit(drain);
            start.countDown();
            List<UUID> a = first.get(30, TimeUnit.SECONDS);
            List<UUID> b = second.get(30, TimeUnit.SECONDS);

            Set<UUID> all = new HashSet<>(a);
            all.addAll(b);
            assertEquals(2_000, a.size() + b.size());
            assertEquals(2_000, all.size(), "no message went to both");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void expiredMessagesAreNeverClaimedAndAreTakenOnceFree() {
        defer("alice", "one");
        defer("alice", "two");
        clock.advance(Duration.ofHours(1).minusSeconds(12));
        assertEquals(List.of("one"), subjects(queue.claim("alice", 1)));
        clock.advance(Duration.ofSeconds(20));

        assertEquals(List.of(), queue.claim("alice", 10), "both expired");
        assertEquals(List.of("two"), subjects(queue.takeExpired(10)), "one is in flight under a live lease");
        assertEquals(List.of(), queue.takeExpired(10));

        clock.advance(LEASE);
        assertEquals(List.of("one"), subjects(queue.takeExpired(10)));
        assertEquals(0, queue.count("alice"));
    }

    @Test
    void aFullQueueRefusesMore() {
        for (int i = 0; i < 5; i++) {
            defer("alice", "m" + i);
        }

        DeferralQueueFullException e = assertThrows(DeferralQueueFullException.class,
                () -> queue.defer(message("alice", "one too many")));
        assertEquals("alice", e.recipient());
        assertEquals(5, queue.count("alice"));
        defer("carol", "others still fit");
    }

    @Test
    void recipientsWithClaimableMessages() {
        defer("carol", "c");
        defer("alice", "a");
        defer("dave", "d");
        queue.claim("dave", 10);

        assertEquals(List.of("alice", "carol"), queue.recipientsWithQueuedMessages(10));
        assertEquals(List.of("alice"), queue.recipientsWithQueuedMessages(1));
        clock.advance(LEASE);
        assertEquals(List.of("alice", "carol", "dave"), queue.recipientsWithQueuedMessages(10));
    }

    @Test
    void inBandNotificationsAnnounceEachMessageOnce() {
        DeferredMessage one = defer("alice", "one");
        DeferredMessage m = message("alice", "imdn");
        queue.defer(new DeferredMessage(null, "alice", m.fromHeader(), null, List.of(), "message/cpim", m.body(),
                true, null, null, null, null, null));
        DeferredMessage two = defer("alice", "two");

        assertEquals(List.of("one", "two"), subjects(queue.unnotified("alice", 10)), "not the notification");
        queue.markNotified(List.of(one.id()));
        assertEquals(List.of(two.id()), queue.unnotified("alice", 10).stream().map(DeferredMessage::id).toList());
    }

    @Test
    void adminListsFindsRemovesAndPurges() {
        DeferredMessage one = defer("alice", "one");
        defer("alice", "two");
        defer("alice", "three");
        defer("carol", "other");

        DeferredPage page = queue.list("alice", 1, 1);
        assertEquals(3, page.total());
        assertEquals(List.of("two"), page.items().stream().map(q -> q.message().subject()).toList());
        assertTrue(queue.find("alice", one.id()).isPresent());
        assertFalse(queue.find("carol", one.id()).isPresent(), "another user's message is not found");
        assertFalse(queue.remove("carol", one.id()));
        assertTrue(queue.remove("alice", one.id()));
        assertFalse(queue.remove("alice", one.id()));
        assertEquals(2, queue.purge("alice"));
        assertEquals(0, queue.count("alice"));
        assertEquals(1, queue.count("carol"));
        assertThrows(IllegalArgumentException.class, () -> queue.list("alice", 0, DeferralService.MAX_PAGE_SIZE + 1));
        assertThrows(IllegalArgumentException.class, () -> queue.list("alice", -1, 10));
    }

    @Test
    void headerLinesMustBeSingleLines() {
        DeferredMessage m = message("alice", "x");
        DeferredMessage folded = new DeferredMessage(null, "alice", m.fromHeader(), null,
                List.of("Subject: a\r\n b"), "text/plain", m.body(), false, null, null, null, null, null);

        assertThrows(IllegalArgumentException.class, () -> queue.defer(folded));
        assertEquals(0, queue.count("alice"));
    }
}
