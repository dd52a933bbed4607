package org.opencpm.recording;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpm.messagestore.MessageStoreAccess;
import org.opencpm.messagestore.folders.CpmFolder;
import org.opencpm.messagestore.objects.ObjectHeaders;
import org.opencpm.messagestore.objects.StoredObject;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.preference.PreferenceService;
import org.opencpm.preference.UserPreferences;
import org.opencpm.user.HomeDomain;

/**
 * What the Participating Function records into its users' message stores (OMA CPM SD 5.2.1.2), on the originating
 * and on the terminating side (5.2.1.2.1-3 note 2): for a user whose preference says so, or, when they set none, as
 * the service provider's policy says; never when the policy does not allow recording or no store is configured.
 * <p>
 * Recording takes the object into the durable outbox and returns: it never waits for the store. A recording that
 * cannot be composed or taken is logged and dropped: it never fails the message it records.
 */
@ApplicationScoped
public class ConversationRecorder {

    private static final Logger LOG = Logger.getLogger(ConversationRecorder.class.getName());

    private RecordingOutbox outbox;
    private RecordingPolicy policy;
    private PreferenceService preferences;
    private MessageStoreAccess store;
    private String domain;
    private Clock clock;

    protected ConversationRecorder() {
    }

    @Inject
    public ConversationRecorder(RecordingOutbox outbox, RecordingPolicy policy, PreferenceService preferences,
                                MessageStoreAccess store, HomeDomain domain, Clock clock) {
        this.outbox = outbox;
        this.policy = policy;
        this.preferences = preferences;
        this.store = store;
        this.domain = domain.name();
        this.clock = clock;
    }

    /** Whether {@code user}'s conversations are recorded now. */
    public boolean records(String user) {
        if (!policy.allowed() || store.writer().isEmpty() || user == null) {
            return false;
        }
        UserPreferences prefs = preferences.of(user);
        return prefs.recordConversations() != null ? prefs.recordConversations() : policy.byDefault();
    }

    /** The sender's copy of a standalone message the PF accepted from {@code sender} (originating PF). */
    public void sent(String sender, StandaloneMessage message, Conversation conversation) {
        if (recordable(message) && records(sender)) {
            take(sender, conversation.folder(),
                    () -> StandaloneRecords.object(message, ObjectHeaders.Direction.SENT, clock.instant()), null);
        }
    }

    /** The recipient's copy of a standalone message the terminating PF accepted for them. */
    public void received(StandaloneMessage message, Conversation conversation) {
        if (recordable(message) && records(message.recipient())) {
            take(message.recipient(), conversation.folder(),
                    () -> StandaloneRecords.object(message, ObjectHeaders.Direction.RECEIVED, clock.instant()), null);
        }
    }

    /**
     * Takes {@code object} for {@code user}'s {@code folder} whatever the user's recording preference: a message
     * the user asked to have delivered to the store, or a handed-over deferred message (temporary until
     * {@code temporaryUntil} when not null).
     *
     * @return false when there is no store to take it
     */
    public boolean deliver(String user, CpmFolder folder, StoredObject object, Instant temporaryUntil) {
        if (store.writer().isEmpty()) {
            return false;
        }
        outbox.add(login(user), folder, object, temporaryUntil, true);
        return true;
    }

    /** Takes an object of {@code user}'s recorded conversation (used for session items too). */
    public void record(String user, CpmFolder folder, Supplier<StoredObject> object) {
        if (records(user)) {
            take(user, folder, object, null);
        }
    }

    public RecordingPolicy policy() {
        return policy;
    }

    private void take(String user, CpmFolder folder, Supplier<StoredObject> compose, Instant temporaryUntil) {
        try {
            outbox.add(login(user), folder, compose.get(), temporaryUntil, false);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Recording: an item for " + user + " in " + folder.key() + " not recorded", e);
        }
    }

    /** Indications worthless later (isComposing) and the server's own messages are not conversation items. */
    private static boolean recordable(StandaloneMessage message) {
        return !message.payload().transientIndication() && message.blacklistKey() != null;
    }

    private String login(String user) {
        return user + '@' + domain;
    }
}
