package org.opencpm.recording;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.opencpm.group.GroupService;
import org.opencpm.messagestore.MessageStoreGateway;
import org.opencpm.messagestore.folders.Identities;
import org.opencpm.messagestore.objects.ObjectHeaders;
import org.opencpm.participating.HandOverRefusedException;
import org.opencpm.participating.StandaloneMessage;

/**
 * The terminating PF's way into the recipient's message store: a message the user wants delivered there
 * (SD 5.2.2.1.3) or an expired deferred message kept (5.2.5 note 2) becomes a stored object; a deferred message
 * handed over (5.2.5.3) a temporary object whose expiry is reset to {@code opencpm.recording.hand-over-expiry}.
 * Both go through the durable outbox: once this returns the message is safe, and the PF may answer the sender as
 * delivered. Refused only when no store is configured.
 * <p>
 * The folder is the conversation the user's client shows the message in: the 1-1 conversation with the sender, or,
 * for a member's copy of a message to one of our groups (its From is the group, SD 5.2.2.1.4), the group
 * conversation, where the recording of that copy goes too (same folder, same record key: stored once).
 */
@ApplicationScoped
public class StoreHandOver implements MessageStoreGateway {

    private ConversationRecorder recorder;
    private GroupService groups;
    private Clock clock;

    protected StoreHandOver() {
    }

    @Inject
    public StoreHandOver(ConversationRecorder recorder, GroupService groups, Clock clock) {
        this.recorder = recorder;
        this.groups = groups;
        this.clock = clock;
    }

    @Override
    public void deliver(StandaloneMessage message) {
        take(message, null);
    }

    @Override
    public void handOver(StandaloneMessage message) {
        take(message, clock.instant().plus(recorder.policy().handOverExpiry())); // SD 5.2.5.3 item 1
    }

    private void take(StandaloneMessage message, Instant temporaryUntil) {
        boolean taken;
        try {
            taken = recorder.deliver(message.recipient(), conversation(message).folder(),
                    StandaloneRecords.object(message, ObjectHeaders.Direction.RECEIVED, clock.instant()),
                    temporaryUntil);
        } catch (IllegalArgumentException e) {
            throw new HandOverRefusedException("the message cannot be stored: " + e.getMessage());
        }
        if (!taken) {
            throw new HandOverRefusedException("no message storage server is available");
        }
    }

    private Conversation conversation(StandaloneMessage message) {
        String from;
        try {
            from = Identities.canonical(message.fromHeader());
        } catch (IllegalArgumentException e) {
            return StandaloneRecords.receivedOneToOne(message);
        }
        return groups.find(from).isPresent() ? StandaloneRecords.group(message, from)
                : StandaloneRecords.receivedOneToOne(message);
    }
}
