package org.opencpm.sipservlets.controlling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.opencpm.authentication.CredentialsSource;
import org.opencpm.controlling.ControllingPolicy;
import org.opencpm.controlling.Distribution;
import org.opencpm.controlling.NotificationAggregator;
import org.opencpm.message.imdn.ImdnMessages;
import org.opencpm.participating.Payload;
import org.opencpm.participating.PayloadInspector;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.recording.ConversationRecorder;
import org.opencpm.recording.StandaloneRecords;
import org.opencpm.sipservlets.CoreSettings;
import org.opencpm.sipservlets.participating.RecordingReply;
import org.opencpm.sipservlets.participating.SenderReply;
import org.opencpm.sipservlets.participating.TerminatingHandler;

/**
 * Sends the CF's copies of a message, one per recipient, each through the recipient's terminating PF (OMA CPM SD
 * 5.2.2.1.2), so preferences, deferral and multi-device policy apply. When the sender asked for notifications,
 * the copies ask for them to come back through the CF ({@code IMDN-Record-Route}, SD 5.2.6.1, RFC 5438 sec 6.4)
 * and the CF remembers the message to aggregate them.
 */
@ApplicationScoped
public class CopyDistributor {

    private static final Logger LOG = Logger.getLogger(CopyDistributor.class.getName());

    private TerminatingHandler terminating;
    private CredentialsSource users;
    private CoreSettings settings;
    private NotificationAggregator aggregator;
    private ControllingPolicy policy;
    private ConversationRecorder recorder;

    protected CopyDistributor() {
    }

    @Inject
    public CopyDistributor(TerminatingHandler terminating, CredentialsSource users, CoreSettings settings,
                           NotificationAggregator aggregator, ControllingPolicy policy,
                           ConversationRecorder recorder) {
        this.terminating = terminating;
        this.users = users;
        this.settings = settings;
        this.aggregator = aggregator;
        this.policy = policy;
        this.recorder = recorder;
    }

    /**
     * Sends {@code message} to each of {@code recipients} from {@code fromHeader}, with {@code headerLines} as
     * its end-to-end headers; notifications come back to {@code routeAddress}. Returns how many copies went.
     */
    public int distribute(StandaloneMessage message, String routeAddress, String fromHeader,
                          List<String> headerLines, List<String> recipients) {
        List<String> reachable = new ArrayList<>(recipients.size());
        List<String> reachableUsers = new ArrayList<>(recipients.size());
        for (String recipient : recipients) {
            Optional<String> user = settings.homeUserOf(recipient, users);
            if (user.isEmpty()) {
                // Outside the home domain: interworking or another network's PF, not built yet.
                LOG.info(() -> routeAddress + ": no route to " + recipient);
                continue;
            }
            reachable.add(recipient);
            reachableUsers.add(user.get());
        }
        byte[] body = message.body();
        Payload payload = message.payload();
        if (policy.routeNotifications() && payload.disposition().any() && payload.cpim() != null
                && message.senderIdentity() != null && !reachable.isEmpty()) {
            body = ImdnMessages.withRecordRoute(payload.cpim(), routeAddress).toBytes();
            payload = PayloadInspector.inspect(message.contentType(), body);
            aggregator.track(new Distribution(routeAddress, payload.imdnMessageId(), message.senderIdentity(),
                    fromHeader, reachable, payload.disposition()));
        }
        for (int i = 0; i < reachable.size(); i++) {
            StandaloneMessage copy = new StandaloneMessage(reachableUsers.get(i), reachable.get(i), fromHeader,
                    message.senderIdentity(), message.anonymous(), message.blacklistKey(), headerLines,
                    message.contentType(), body, payload);
            // each member's copy is recorded in their group conversation folder (SD 5.2.1.2)
            terminating.handle(copy, new RecordingReply(SenderReply.NONE,
                    () -> recorder.received(copy, StandaloneRecords.group(copy, routeAddress))));
        }
        if (!reachable.isEmpty() && message.blacklistKey() != null) {
            // the sender's copy, in the sender's group conversation folder (SD 5.2.1.2.1 note)
            settings.userOf(message.blacklistKey()).ifPresent(sender ->
                    recorder.sent(sender, message, StandaloneRecords.group(message, routeAddress)));
        }
        return reachable.size();
    }
}
