package org.opencpm.controlling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencpm.message.imdn.ImdnDocument;
import org.opencpm.message.imdn.ImdnMessages;
import org.opencpm.message.imdn.NotificationType;
import org.opencpm.storage.controlling.CollectedNotification;
import org.opencpm.storage.controlling.NotificationAggregationRepository;
import org.opencpm.storage.controlling.TrackedMessage;

/**
 * The CF's side of disposition notifications (OMA CPM SD 5.2.6.1): it remembers the messages whose notifications
 * it asked to have routed back through it, collects those notifications, and lets them go to the sender as
 * aggregates (RFC 5438 sec 8.3) when
 * <ul>
 *   <li>every recipient has sent one of that type (only for the types every recipient sends: delivery when
 *       positive-delivery was asked for, display when display was),</li>
 *   <li>enough have come to fill an aggregate of the policy's size, or</li>
 *   <li>the oldest waiting one has waited the aggregation window ({@link #flushWaiting()}).</li>
 * </ul>
 * Each use is one transaction holding the tracked message's lock: nothing is sent twice, and what was accepted
 * survives a restart. A crash after the commit and before the SIP send loses that aggregate, never duplicates it.
 */
@ApplicationScoped
public class NotificationAggregator {

    private static final int FLUSH_BATCH = 100;

    private NotificationAggregationRepository repository;
    private ControllingPolicy policy;
    private Clock clock;
    private AggregatePlanner planner;

    protected NotificationAggregator() {
        // for CDI proxies
    }

    @Inject
    public NotificationAggregator(NotificationAggregationRepository repository, ControllingPolicy policy,
                                  Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.clock = clock;
        this.planner = new AggregatePlanner(policy.maxAggregateBytes());
    }

    /** Remembers a distributed message; a retransmission of one already tracked changes nothing. */
    @Transactional(TxType.REQUIRES_NEW)
    public void track(Distribution d) {
        Instant now = now();
        repository.track(new TrackedMessage(UUID.randomUUID(), d.routeAddress(), d.messageId(), d.sender(),
                d.fromHeader(), d.recipients(), d.requested().positiveDelivery(), d.requested().display(), now,
                now.plus(policy.trackingLifetime())));
    }

    /**
     * Takes the notification {@code notifier} sent, through {@code routeAddress}, about the message
     * {@code doc.messageId()} of {@code originalSender}.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Collected collect(String routeAddress, String originalSender, String notifier, ImdnDocument doc) {
        var found = repository.lock(routeAddress, doc.messageId(), originalSender);
        if (found.isEmpty()) {
            return Collected.of(Collected.Outcome.UNTRACKED);
        }
        TrackedMessage tracked = found.get();
        if (!tracked.getRecipients().contains(notifier)) {
            return Collected.of(Collected.Outcome.NOT_A_RECIPIENT);
        }
        Instant now = now();
        if (!repository.collect(new CollectedNotification(UUID.randomUUID(), tracked.getId(), notifier,
                doc.type().name(), doc.toCompactXml(), now))) {
            return Collected.of(Collected.Outcome.DUPLICATE);
        }
        return new Collected(Collected.Outcome.HELD, release(tracked, false, now));
    }

    /** Sends what has waited the aggregation window, whether or not more may come. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Aggregate> flushWaiting() {
        Instant now = now();
        List<Aggregate> ready = new ArrayList<>();
        for (UUID id : repository.waitingSince(now.minus(policy.aggregationWindow()), FLUSH_BATCH)) {
            repository.lock(id).ifPresent(tracked -> ready.addAll(release(tracked, true, now)));
        }
        return ready;
    }

    /** Forgets tracked messages past their lifetime, with what was collected for them; returns how many. */
    @Transactional
    public int forgetExpired() {
        return repository.deleteExpired(now());
    }

    private List<Aggregate> release(TrackedMessage tracked, boolean all, Instant now) {
        Map<String, List<CollectedNotification>> byType = new LinkedHashMap<>();
        for (CollectedNotification n : repository.pending(tracked.getId())) {
            byType.computeIfAbsent(n.getType(), t -> new ArrayList<>()).add(n);
        }
        String to = '<' + tracked.getSenderAddress() + '>';
        List<Aggregate> ready = new ArrayList<>();
        List<UUID> sent = new ArrayList<>();
        for (Map.Entry<String, List<CollectedNotification>> entry : byType.entrySet()) {
            List<CollectedNotification> waiting = entry.getValue();
            List<ImdnDocument> docs = waiting.stream().map(n -> ImdnDocument.parse(n.getDocument())).toList();
            List<List<ImdnDocument>> batches = planner.batches(tracked.getFromHeader(), to, docs);
            boolean complete = all || everyoneSent(tracked, entry.getKey());
            // The last run may still grow; the others are as full as the budget allows.
            int runs = complete ? batches.size() : batches.size() - 1;
            int taken = 0;
            for (List<ImdnDocument> batch : batches.subList(0, runs)) {
                ready.add(new Aggregate(tracked.getSenderAddress(), tracked.getFromHeader(),
                        tracked.getRouteAddress(), AggregatePlanner.write(tracked.getFromHeader(), to,
                                ImdnMessages.newMessageId(), dateTime(now), batch), batch.size()));
                taken += batch.size();
            }
            waiting.subList(0, taken).forEach(n -> sent.add(n.getId()));
        }
        repository.markSent(sent, now);
        return ready;
    }

    private boolean everyoneSent(TrackedMessage tracked, String type) {
        boolean expected = type.equals(NotificationType.DELIVERY.name()) ? tracked.isExpectsDelivery()
                : type.equals(NotificationType.DISPLAY.name()) && tracked.isExpectsDisplay();
        return expected && repository.count(tracked.getId(), type) >= tracked.getRecipientCount();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String dateTime(Instant now) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.truncatedTo(ChronoUnit.SECONDS)
                .atOffset(ZoneOffset.UTC));
    }
}
