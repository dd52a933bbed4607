package org.opencpm.controlling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opencpm.message.cpim.CpimMessage;
import org.opencpm.message.imdn.DeliveryStatus;
import org.opencpm.message.imdn.DispositionRequest;
import org.opencpm.message.imdn.DisplayStatus;
import org.opencpm.message.imdn.ImdnDocument;
import org.opencpm.message.imdn.ImdnMessages;
import org.opencpm.storage.controlling.InMemoryNotificationAggregationRepository;
import org.opencpm.testsupport.MutableClock;

class NotificationAggregatorTest {

    private static final String GROUP = "sip:team@example.com";
    private static final String ALICE = "sip:alice@example.com";
    private static final String MESSAGE_ID = "m-1";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final InMemoryNotificationAggregationRepository repository =
            new InMemoryNotificationAggregationRepository();

    private NotificationAggregator aggregator(int maxBytes) {
        return new NotificationAggregator(repository, new ControllingPolicy("adhoc", 100, true,
                Duration.ofSeconds(10), maxBytes, Duration.ofDays(7)), clock);
    }

    private static List<String> members(int n) {
        return IntStream.range(0, n).mapToObj(i -> "sip:m" + i + "@example.com").toList();
    }

    private static ImdnDocument delivered(String member) {
        return ImdnDocument.delivery(MESSAGE_ID, "2026-11-21T11:59:59Z", member, member, DeliveryStatus.DELIVERED);
    }

    private static void track(NotificationAggregator a, List<String> recipients, DispositionRequest asked) {
        a.track(new Distribution(GROUP, MESSAGE_ID, ALICE, "\"Team\" <" + GROUP + ">", recipients, asked));
    }

    private static List<String> sorted(List<String> addresses) {
        return addresses.stream().sorted().toList();
    }

    /** Every recipient URI the aggregates carry, checking each message's envelope on the way. */
    private static List<String> recipientsIn(List<Aggregate> aggregates, int maxBytes) {
        List<String> seen = new ArrayList<>();
        for (Aggregate a : aggregates) {
            CpimMessage body = CpimMessage.parse(a.body().toBytes());
            assertTrue(body.toBytes().length <= maxBytes || a.count() == 1, "within the budget");
            assertEquals(ALICE, body.toUri());
            assertEquals(GROUP, body.fromUri());
            assertEquals(ALICE, a.senderAddress());
            List<ImdnDocument> docs = a.count() == 1 ? List.of(ImdnDocument.parse(body.body()))
                    : ImdnMessages.aggregated(body);
            assertEquals(a.count(), docs.size());
            docs.forEach(d -> seen.add(d.recipientUri()));
        }
        return seen;
    }

    @Test
    void whenEveryMemberHasSentTheRestGoesOutAtOnceEachOnce() {
        NotificationAggregator a = aggregator(16 * 1024);
        List<String> members = members(20);
        track(a, members, DispositionRequest.of(true, true, false, false));

        List<Aggregate> out = new ArrayList<>();
        for (String m : members) {
            Collected c = a.collect(GROUP, ALICE, m, delivered(m));
            assertEquals(Collected.Outcome.HELD, c.outcome());
            out.addAll(c.ready());
        }
        assertEquals(1, out.size(), "one aggregate when the budget allows");
        assertEquals(sorted(members), sorted(recipientsIn(out, 16 * 1024)));
        assertEquals(List.of(), a.flushWaiting(), "nothing left behind");
    }

    @Test
    void aPagerModeBudgetCutsTheAggregatesAndTheLastRunWaitsForTheRest() {
        NotificationAggregator a = aggregator(1300);
        List<String> members = members(20);
        track(a, members, DispositionRequest.of(true, false, false, false));

        List<Aggregate> out = new ArrayList<>();
        for (String m : members.subList(0, 19)) {
            out.addAll(a.collect(GROUP, ALICE, m, delivered(m)).ready());
        }
        assertTrue(out.size() >= 1, "full aggregates go out before everyone has answered");
        assertTrue(out.stream().allMatch(x -> x.count() > 1), "each of them aggregates several");
        int early = recipientsIn(out, 1300).size();
        assertTrue(early < 19, "the last run waits");

        out.addAll(a.collect(GROUP, ALICE, members.get(19), delivered(members.get(19))).ready());
        List<String> all = recipientsIn(out, 1300);
        assertEquals(sorted(members), sorted(all), "every member exactly once");
        assertTrue(out.size() < 20 / 2 + 1, out.size() + " messages for 20 notifications");
    }

    @Test
    void whatWaitsTheWindowGoesOutWhenNotEveryoneAnswers() {
        NotificationAggregator a = aggregator(64 * 1024);
        List<String> members = members(5);
        track(a, members, DispositionRequest.of(true, true, false, false));
        for (String m : members.subList(0, 3)) {
            assertEquals(List.of(), a.collect(GROUP, ALICE, m, delivered(m)).ready());
        }
        clock.advance(Duration.ofSeconds(9));
        assertEquals(List.of(), a.flushWaiting(), "the window has not passed");
        clock.advance(Duration.ofSeconds(1));
        List<Aggregate> flushed = a.flushWaiting();
        assertEquals(sorted(members.subList(0, 3)), sorted(recipientsIn(flushed, 64 * 1024)));

        // A late one is held again and goes out alone, as a plain IMDN, after its own window.
        assertEquals(List.of(), a.collect(GROUP, ALICE, members.get(3), delivered(members.get(3))).ready());
        clock.advance(Duration.ofSeconds(10));
        List<Aggregate> late = a.flushWaiting();
        assertEquals(1, late.size());
        assertTrue(ImdnMessages.isNotification(late.get(0).body()), "a single notification is a plain IMDN");
    }

    @Test
    void onlyNegativeDeliveryAskedMeansNoOneIsWaitedFor() {
        NotificationAggregator a = aggregator(64 * 1024);
        List<String> members = members(2);
        track(a, members, DispositionRequest.of(false, true, false, false));
        ImdnDocument failed = ImdnDocument.delivery(MESSAGE_ID, "2026-11-21T11:59:59Z", members.get(0),
                members.get(0), DeliveryStatus.FAILED);
        assertEquals(List.of(), a.collect(GROUP, ALICE, members.get(0), failed).ready());
        assertEquals(List.of(), a.collect(GROUP, ALICE, members.get(1), delivered(members.get(1))).ready(),
                "the count is not a completion when not everyone sends one");
    }

    @Test
    void typesAreAggregatedApart() {
        NotificationAggregator a = aggregator(64 * 1024);
        List<String> members = members(2);
        track(a, members, DispositionRequest.of(true, false, true, false));
        List<Aggregate> out = new ArrayList<>();
        for (String m : members) {
            out.addAll(a.collect(GROUP, ALICE, m, ImdnDocument.display(MESSAGE_ID, "2026-11-21T11:59:59Z", m, m,
                    DisplayStatus.DISPLAYED)).ready());
        }
        assertEquals(1, out.size(), "the display reports complete on their own");
        assertEquals(2, out.get(0).count());
        for (String m : members) {
            out.addAll(a.collect(GROUP, ALICE, m, delivered(m)).ready());
        }
        assertEquals(2, out.size());
    }

    @Test
    void strangersDuplicatesAndUnknownMessagesAreToldApart() {
        NotificationAggregator a = aggregator(64 * 1024);
        List<String> members = members(3);
        track(a, members, DispositionRequest.of(true, false, false, false));
        assertEquals(Collected.Outcome.NOT_A_RECIPIENT,
                a.collect(GROUP, ALICE, "sip:eve@example.com", delivered("sip:eve@example.com")).outcome());
        assertEquals(Collected.Outcome.HELD, a.collect(GROUP, ALICE, members.get(0), delivered(members.get(0)))
                .outcome());
        assertEquals(Collected.Outcome.DUPLICATE,
                a.collect(GROUP, ALICE, members.get(0), delivered(members.get(0))).outcome());
        assertEquals(Collected.Outcome.UNTRACKED,
                a.collect(GROUP, "sip:bob@example.com", members.get(0), delivered(members.get(0))).outcome(),
                "the same message id from another sender is another message");
    }

    @Test
    void aRetransmittedMessageKeepsItsTrackingAndExpiredOnesAreForgotten() {
        NotificationAggregator a = aggregator(64 * 1024);
        track(a, members(2), DispositionRequest.of(true, false, false, false));
        a.collect(GROUP, ALICE, "sip:m0@example.com", delivered("sip:m0@example.com"));
        track(a, members(2), DispositionRequest.of(true, false, false, false));
        List<Aggregate> out = a.collect(GROUP, ALICE, "sip:m1@example.com", delivered("sip:m1@example.com"))
                .ready();
        assertEquals(Set.of("sip:m0@example.com", "sip:m1@example.com"),
                new HashSet<>(recipientsIn(out, 64 * 1024)));

        clock.advance(Duration.ofDays(7));
        assertEquals(1, a.forgetExpired());
        assertEquals(Collected.Outcome.UNTRACKED,
                a.collect(GROUP, ALICE, "sip:m0@example.com", delivered("sip:m0@example.com")).outcome());
    }
}
