package org.opencpm.sipservlets.participating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.opencpm.message.cpim.CpimMessage;
import org.opencpm.msrp.api.MsrpConnector;
import org.opencpm.participating.BadMessageException;
import org.opencpm.participating.KeptFileTransfer;
import org.opencpm.participating.Payload;
import org.opencpm.participating.PayloadInspector;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.preference.PreferenceService;
import org.opencpm.preference.UserPreferences;
import org.opencpm.registrar.ActiveContact;
import org.opencpm.registrar.LocationService;
import org.opencpm.sip.api.SipConnector;
import org.opencpm.sipservlets.CoreSettings;
import org.opencpm.sipservlets.session.Callee;
import org.opencpm.sipservlets.session.Caller;
import org.opencpm.sipservlets.session.Invitation;
import org.opencpm.sipservlets.session.MediaRelay;
import org.opencpm.sipservlets.session.ServiceKind;
import org.opencpm.sipservlets.session.SessionPolicy;

/**
 * The terminating PF of a session (OMA CPM SD 5.2.3.1.2, 5.2.2.1.5, 5.2.4.2): applies the invited user's
 * preferences, invites the user's registered devices one after another, and stays in the media path as a B2BUA
 * towards the device that answers.
 */
@ApplicationScoped
public class TerminatingSessions {

    private static final Logger LOG = Logger.getLogger(TerminatingSessions.class.getName());

    private PreferenceService preferences;
    private LocationService location;
    private CoreSettings settings;
    private SipConnector sip;
    private MsrpConnector msrp;
    private Supplier<SessionPolicy> policy;
    private TerminatingHandler terminating;
    private KeptFiles keptFiles;
    private SessionRecording recording;

    protected TerminatingSessions() {
    }

    @Inject
    public TerminatingSessions(PreferenceService preferences, LocationService location, CoreSettings settings,
                               SipConnector sip, MsrpConnector msrp, Supplier<SessionPolicy> policy,
                               TerminatingHandler terminating, KeptFiles keptFiles, SessionRecording recording) {
        this.terminating = terminating;
        this.recording = recording;
        this.keptFiles = keptFiles;
        this.preferences = preferences;
        this.location = location;
        this.settings = settings;
        this.sip = sip;
        this.msrp = msrp;
        this.policy = policy;
    }

    /** An invitation for a user of this domain, from their originating PF or from the CF. */
    public void take(Caller caller) {
        Invitation invitation = caller.invitation();
        String user = settings.userOf(invitation.target()).orElse(null);
        if (user == null) {
            caller.refuse(404, "Not Found (no such user)");
            return;
        }
        UserPreferences prefs = preferences.of(user);
        if (invitation.senderIdentity() != null && prefs.blacklist().contains(invitation.senderIdentity())) {
            caller.refuse(403, "Forbidden (the recipient does not accept your invitations)");
            return;
        }
        if (invitation.senderIdentity() == null && prefs.rejectAnonymous()) {
            caller.refuse(433, "Anonymity Disallowed"); // RFC 5079
            return;
        }
        List<ActiveContact> devices = prefs.doNotDisturb() ? List.of() : location.contactsOf(invitation.target());
        LOG.fine(() -> invitation.kind() + " for " + invitation.target() + ": " + devices.size() + " device(s)");
        SessionPolicy now = policy.get();
        // the invited user's recording of the session, in their store (SD 5.2.1.2.2-3)
        new MediaRelay(msrp, now.links(), caller, true, "PF B of " + invitation.target(),
                recording.ofInvited(invitation, user)).start(new DeviceSearch(invitation.chain(), sip.getSipFactory(), devices,
                        now.deviceAnswerTimeout(), onBehalf(invitation, user, prefs, now)));
    }

    /**
     * Who takes the session when no device does: the PF itself, keeping what arrives for deferred delivery (SD
     * 5.2.2.1.5 for a large message, 5.2.3.10 for a chat, 5.2.4.5 for a file when the provider takes files for
     * users who are offline).
     */
    private Callee onBehalf(Invitation invitation, String user, UserPreferences prefs, SessionPolicy now) {
        if (invitation.kind() == ServiceKind.FILE_TRANSFER) {
            return now.keepFilesForOffline() ? new OnBehalfEndpoint(msrp, new KeptFileReceipt(keptFiles,
                    now.maxFileBytes(), file -> keepFile(invitation, user, prefs, file))) : null;
        }
        // Kept whole in memory and read as CPIM: no more than the CPIM codec reads.
        int limit = (int) Math.min(CpimMessage.MAX_MESSAGE_SIZE, now.maxLargeMessageBytes());
        return new OnBehalfEndpoint(msrp, new KeptMessages(limit,
                (type, body) -> keep(invitation, user, prefs, type, body)));
    }

    /** Queues the kept file for delivery when the user registers (SD 5.2.4.7), or removes it if it cannot be. */
    private void keepFile(Invitation invitation, String user, UserPreferences prefs, KeptFileTransfer file) {
        StandaloneMessage entry = new StandaloneMessage(user, invitation.target(), invitation.fromHeader(),
                invitation.senderIdentity(), invitation.senderIdentity() == null, invitation.senderIdentity(),
                invitation.headerLines(), KeptFileTransfer.MEDIA_TYPE, file.toBytes(),
                Payload.bare(KeptFileTransfer.MEDIA_TYPE, false));
        terminating.defer(entry, prefs, new SenderReply() {
            @Override
            public void accepted(int status) {
                LOG.info(() -> "file " + file.fileId() + " of " + file.size() + " bytes kept for " + user);
            }

            @Override
            public void refused(int status, String reason) {
                LOG.info(() -> "file for " + user + " not kept: " + reason);
                keptFiles.delete(file.fileId());
            }
        });
    }

    private void keep(Invitation invitation, String user, UserPreferences prefs, String contentType, byte[] body) {
        try {
            StandaloneMessage message = new StandaloneMessage(user, invitation.target(), invitation.fromHeader(),
                    invitation.senderIdentity(), invitation.senderIdentity() == null, invitation.senderIdentity(),
                    invitation.headerLines(), contentType, body, PayloadInspector.inspect(contentType, body));
            terminating.defer(message, prefs, SenderReply.NONE);
        } catch (BadMessageException e) {
            LOG.info(() -> "a message for " + invitation.target() + " received on the user's behalf was dropped: "
                    + e.reasonPhrase());
        }
    }
}
