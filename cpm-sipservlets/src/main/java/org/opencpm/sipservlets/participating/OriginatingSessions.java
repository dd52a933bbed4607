package org.opencpm.sipservlets.participating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sip.address.SipURI;
import org.opencpm.authentication.CredentialsSource;
import org.opencpm.group.Group;
import org.opencpm.message.resourcelists.RecipientListMessage;
import org.opencpm.msrp.api.MsrpConnector;
import org.opencpm.msrp.sdp.MsrpMedia;
import org.opencpm.msrp.sdp.SdpFormatException;
import org.opencpm.msrp.sdp.SdpNegotiationException;
import org.opencpm.msrp.sdp.SessionDescription;
import org.opencpm.participating.BadMessageException;
import org.opencpm.sip.api.SipConnector;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;
import org.opencpm.sipservlets.CoreSettings;
import org.opencpm.sipservlets.controlling.GroupSessions;
import org.opencpm.sipservlets.security.SipDigestGuard;
import org.opencpm.sipservlets.session.InternalHop;
import org.opencpm.sipservlets.session.Invitation;
import org.opencpm.sipservlets.session.MediaOffers;
import org.opencpm.sipservlets.session.MediaRelay;
import org.opencpm.sipservlets.session.ServiceKind;
import org.opencpm.sipservlets.session.SessionChain;
import org.opencpm.sipservlets.session.SessionPolicy;
import org.opencpm.sipservlets.session.SipCaller;
import org.opencpm.user.DigestCredentials;

/**
 * The originating PF of a session (OMA CPM SD 5.2.3.1.1, 5.2.2.1.5, 5.2.4.1): authenticates the inviting user,
 * checks the offer, and stays in the media path as a B2BUA towards the terminating PF of the invited user, or the
 * Controlling Function of the invited group.
 */
@ApplicationScoped
public class OriginatingSessions {

    private static final Logger LOG = Logger.getLogger(OriginatingSessions.class.getName());

    private SipDigestGuard guard;
    private CredentialsSource users;
    private CoreSettings settings;
    private SipConnector sip;
    private MsrpConnector msrp;
    private Supplier<SessionPolicy> policy;
    private TerminatingSessions terminating;
    private GroupSessions groupSessions;
    private SessionRecording recording;

    protected OriginatingSessions() {
    }

    @Inject
    public OriginatingSessions(SipDigestGuard guard, CredentialsSource users, CoreSettings settings, SipConnector sip,
                               MsrpConnector msrp, Supplier<SessionPolicy> policy, TerminatingSessions terminating,
                               GroupSessions groupSessions, SessionRecording recording) {
        this.groupSessions = groupSessions;
        this.recording = recording;
        this.guard = guard;
        this.users = users;
        this.settings = settings;
        this.sip = sip;
        this.msrp = msrp;
        this.policy = policy;
        this.terminating = terminating;
    }

    public void invite(SipServletRequest request) {
        Optional<DigestCredentials> sender = guard.authenticate(request, SipDigestGuard.Role.PROXY);
        if (sender.isEmpty()) {
            return;
        }
        String senderAddress = settings.addressOf(sender.get().username());
        if (!senderAddress.equals(MessageReader.canonical(request.getFrom().getURI()))) {
            request.createResponse(403, "Forbidden (From is not the authenticated user)").send();
            return;
        }
        String targetUser = request.getRequestURI() instanceof SipURI uri ? uri.getUser() : null;
        boolean toList = targetUser != null && groupSessions.isAdHocAddress(targetUser);
        List<String> required = MessageReader.requiredOptionTags(request).stream()
                .filter(tag -> !(toList && tag.equals(GroupSessions.LIST_OPTION_TAG))).toList();
        if (!required.isEmpty()) {
            SipServletResponse bad = request.createResponse(420, "Bad Extension"); // RFC 3261 8.2.2.3
            bad.setHeader("Unsupported", String.join(", ", required));
            bad.send();
            return;
        }
        Optional<String> target = targetUser == null || toList ? Optional.empty()
                : settings.homeUserOf(settings.addressOf(targetUser), users);
        Optional<Group> group = target.isPresent() || targetUser == null || toList ? Optional.empty()
                : groupSessions.groupAt(settings.addressOf(targetUser));
        if (target.isEmpty() && group.isEmpty() && !toList) {
            request.createResponse(404, "Not Found (no such user or group)").send();
            return;
        }
        // An INVITE to an ad-hoc list carries its recipients beside the offer (RFC 5366).
        Optional<RecipientListMessage> list = toList ? groupSessions.readList(request, senderAddress)
                : Optional.empty();
        if (toList && list.isEmpty()) {
            return;
        }
        Optional<SessionDescription> offer = list.isPresent()
                ? offerOf(request, list.get().innerContentType(), list.get().innerBody())
                : offerOf(request, request.getContentType(), request.getRawContent());
        if (offer.isEmpty()) {
            return;
        }
        MsrpMedia media;
        try {
            media = MediaOffers.msrpOf(offer.get());
        } catch (SdpNegotiationException e) {
            request.createResponse(488, "Not Acceptable Here (" + e.getMessage() + ")").send();
            return;
        }
        ServiceKind kind = ServiceKind.of(serviceText(request), media, offer.get().direction(media));
        SessionPolicy now = policy.get();
        Optional<String> tooLarge = SessionLimits.tooLarge(kind, media, now);
        if (tooLarge.isPresent()) {
            SipServletResponse refused = request.createResponse(488, "Not Acceptable Here (" + tooLarge.get() + ")");
            refused.setHeader("Warning", "399 " + settings.domain() + " \"" + tooLarge.get() + "\"");
            refused.send();
            return;
        }
        List<String> headers;
        try {
            headers = MessageReader.endToEndHeaders(request);
        } catch (BadMessageException e) {
            request.createResponse(e.status(), e.reasonPhrase()).send();
            return;
        }
        SessionChain chain = new SessionChain(request.getApplicationSession(), sip.getTimerService());
        String targetAddress = target.map(settings::addressOf)
                .orElseGet(() -> group.map(Group::address).orElseGet(() -> settings.addressOf(targetUser)));
        Invitation invitation = new Invitation(chain, offer.get(), kind, request.getFrom().toString(), senderAddress,
                targetAddress, SessionLimits.withoutSessionHeaders(headers),
                group.isPresent() || list.isPresent() ? targetAddress : null);
        LOG.fine(() -> kind + " from " + senderAddress + " to " + targetAddress);
        // The next function: the invited user's terminating PF, or the CF of the group (SD 5.2.2.1.5).
        InternalHop next = group.isPresent() ? new InternalHop(c -> groupSessions.take(c, group.get()))
                : list.isPresent() ? new InternalHop(c -> groupSessions.takeList(c, list.get()))
                : new InternalHop(terminating::take);
        synchronized (chain.lock()) {
            SipCaller caller = new SipCaller(request, invitation);
            // the inviting user's recording of the session, in their store (SD 5.2.1.2.2-3)
            new MediaRelay(msrp, now.links(), caller, false, "PF A of " + senderAddress,
                    recording.ofInviter(invitation, sender.get().username())).start(next);
        }
    }

    /** The SDP offer of an INVITE (its body, or its offer part), or empty once the request was answered 415/400. */
    static Optional<SessionDescription> offerOf(SipServletRequest request, String contentType, byte[] body) {
        if (!MediaOffers.isSdp(contentType)) {
            // RFC 3261 section 13.2.1: the offer comes with the INVITE here; no offerless INVITE is taken.
            SipServletResponse bad = request.createResponse(415, "Unsupported Media Type (an SDP offer is needed)");
            bad.setHeader("Accept", "application/sdp");
            bad.send();
            return Optional.empty();
        }
        try {
            return Optional.of(SessionDescription.parse(body));
        } catch (SdpFormatException e) {
            request.createResponse(400, "Bad Request (" + e.getMessage() + ")").send();
            return Optional.empty();
        }
    }

    private static String serviceText(SipServletRequest request) {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("Accept-Contact", "P-Preferred-Service", "P-Asserted-Service", "Contact")) {
            request.getHeaders(name).forEach(v -> text.append(v).append(' '));
        }
        return text.toString();
    }
}
