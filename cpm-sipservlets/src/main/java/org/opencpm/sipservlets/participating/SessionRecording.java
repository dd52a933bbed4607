package org.opencpm.sipservlets.participating;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.opencpm.msrp.sdp.SdpNegotiationException;
import org.opencpm.recording.ConversationRecorder;
import org.opencpm.recording.SessionRecords;
import org.opencpm.recording.StandaloneRecords;
import org.opencpm.sipservlets.CoreSettings;
import org.opencpm.sipservlets.session.Invitation;
import org.opencpm.sipservlets.session.MediaOffers;
import org.opencpm.sipservlets.session.ServiceKind;
import org.opencpm.sipservlets.session.SessionTap;

/**
 * Whether and how the PF records a session it relays for one of its users (OMA CPM SD 5.2.1.2.2-3): a 1-1 chat
 * and a file transfer, on the originating side for the inviting user and on the terminating side for the invited
 * one, each in their own store. Whether the user records is asked once, as the session is set up: a session of a
 * user who does not record is relayed without a tap, nothing copied.
 */
@ApplicationScoped
public class SessionRecording {

    private ConversationRecorder recorder;
    private CoreSettings settings;
    private Clock clock;
    private Executor executor;
    private Path temporary;

    /** Completed items are composed and taken into the outbox here, off the MSRP reader threads. */
    @Resource
    ManagedExecutorService managedExecutor;

    protected SessionRecording() {
    }

    @Inject
    public SessionRecording(ConversationRecorder recorder, CoreSettings settings, Clock clock) {
        this(recorder, settings, clock, null, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @param executor  where completed items are recorded (null: the container's managed executor)
     * @param temporary where files being transferred are copied as they pass
     */
    public SessionRecording(ConversationRecorder recorder, CoreSettings settings, Clock clock, Executor executor,
                            Path temporary) {
        this.recorder = recorder;
        this.settings = settings;
        this.clock = clock;
        this.executor = executor;
        this.temporary = temporary;
    }

    /** The tap of the inviting user's session at their originating PF, or null when nothing is recorded. */
    public SessionTap ofInviter(Invitation invitation, String user) {
        return tap(invitation, user, true, invitation.group() != null ? invitation.group() : invitation.target());
    }

    /** The tap of the invited user's session at their terminating PF, or null when nothing is recorded. */
    public SessionTap ofInvited(Invitation invitation, String user) {
        return tap(invitation, user, false, invitation.senderIdentity() != null ? invitation.senderIdentity()
                : StandaloneRecords.ANONYMOUS);
    }

    private SessionTap tap(Invitation invitation, String user, boolean inviter, String otherParty) {
        // a large message in a session is a standalone message (SD 5.2.1.2.1), not recorded here; see
        // docs/message-store.md
        if (invitation.kind() == ServiceKind.LARGE_MESSAGE || !recorder.records(user)) {
            return null;
        }
        SessionRecords records = new SessionRecords(settings.addressOf(user), otherParty, inviter,
                invitation.group(), invitation.headerLines(), invitation.chain().applicationSession().getId());
        try {
            return new RecordingTap(recorder, user, records, invitation.kind() == ServiceKind.FILE_TRANSFER
                    ? MediaOffers.msrpOf(invitation.offer()) : null, clock, executor(), temporary);
        } catch (SdpNegotiationException e) {
            return null; // an offer without MSRP media is refused before any tap would see anything
        }
    }

    private Executor executor() {
        return executor != null ? executor : managedExecutor;
    }
}
