package org.opencpm.sipservlets.controlling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.opencpm.authentication.CredentialsSource;
import org.opencpm.controlling.ControllingPolicy;
import org.opencpm.group.Authorization;
import org.opencpm.group.Group;
import org.opencpm.group.GroupMember;
import org.opencpm.group.GroupService;
import org.opencpm.message.resourcelists.RecipientListMessage;
import org.opencpm.msrp.api.MsrpConnector;
import org.opencpm.participating.BadMessageException;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sipservlets.CoreSettings;
import org.opencpm.sipservlets.participating.TerminatingSessions;
import org.opencpm.sipservlets.session.Caller;
import org.opencpm.sipservlets.session.Invitation;
import org.opencpm.sipservlets.session.ServiceKind;
import org.opencpm.sipservlets.session.SessionPolicy;

/**
 * The Controlling Function for a large message or a file sent to a pre-defined group (OMA CPM SD 5.2.2.1.5,
 * 5.2.4.3): the group's policies decide whether the sender may, then every member but the sender is invited through
 * their own terminating PF, and the CF stays in the media path copying what the sender sends to each of them
 * ({@link GroupFanOut}). Group chat sessions are another issue's: they are refused here.
 */
@ApplicationScoped
public class GroupSessions {

    /** RFC 5366 sec 9: an INVITE to a URI list asks for the service by this option tag. */
    public static final String LIST_OPTION_TAG = "recipient-list-invite";

    private static final Logger LOG = Logger.getLogger(GroupSessions.class.getName());

    private GroupService groups;
    private CredentialsSource users;
    private CoreSettings settings;
    private MsrpConnector msrp;
    private Supplier<SessionPolicy> policy;
    private TerminatingSessions terminating;
    private ControllingPolicy controlling;

    protected GroupSessions() {
    }

    @Inject
    public GroupSessions(GroupService groups, CredentialsSource users, CoreSettings settings, MsrpConnector msrp,
                         Supplier<SessionPolicy> policy, TerminatingSessions terminating,
                         ControllingPolicy controlling) {
        this.controlling = controlling;
        this.groups = groups;
        this.users = users;
        this.settings = settings;
        this.msrp = msrp;
        this.policy = policy;
        this.terminating = terminating;
    }

    public Optional<Group> groupAt(String address) {
        return groups.find(address);
    }

    /** Whether {@code user} (a Request-URI user part of the home domain) names the CF's ad-hoc address. */
    public boolean isAdHocAddress(String user) {
        return controlling.adHocUser().equalsIgnoreCase(user);
    }

    /**
     * Reads an INVITE to an ad-hoc list (RFC 5366): its recipients and its SDP offer, the parts of a
     * {@code multipart/mixed} body; empty once the request was answered with what is wrong (421 without the
     * option tag, 415, 400, 413 for a list over {@code opencpm.cf.ad-hoc-max-recipients}).
     */
    public Optional<RecipientListMessage> readList(SipServletRequest request, String sender) {
        Optional<RecipientListMessage> listed = RecipientListRequests.read(request, LIST_OPTION_TAG,
                controlling.maxAdHocRecipients());
        try {
            listed.ifPresent(list -> AdHocMessageHandler.recipients(list, sender)); // a bad list is the sender's 400
            return listed;
        } catch (BadMessageException e) {
            request.createResponse(e.status(), e.reasonPhrase()).send();
            return Optional.empty();
        }
    }

    /**
     * A large message or file to an ad-hoc list (SD 5.2.2.1.5, 5.2.4.3): each listed user of this domain but the
     * sender is invited through their own PF B, with the sender as From, and the chunks fanned out as for a group.
     */
    public void takeList(Caller caller, RecipientListMessage listed) {
        Invitation invitation = caller.invitation();
        if (invitation.kind() == ServiceKind.CHAT) {
            caller.refuse(488, "Not Acceptable Here (ad-hoc group chat sessions are not offered yet)");
            return;
        }
        List<String> members = AdHocMessageHandler.recipients(listed, invitation.senderIdentity()).stream()
                .filter(address -> settings.homeUserOf(address, users).isPresent())
                .toList();
        if (members.isEmpty()) {
            caller.refuse(404, "Not Found (no listed recipient is reachable)");
            return;
        }
        LOG.fine(() -> invitation.kind() + " to an ad-hoc list of " + members.size());
        new GroupFanOut(msrp, policy.get(), caller, "<" + invitation.senderIdentity() + ">", members,
                terminating::take).start();
    }

    /** An invitation for {@code group}, from the sender's originating PF. */
    public void take(Caller caller, Group group) {
        Invitation invitation = caller.invitation();
        if (invitation.kind() == ServiceKind.CHAT) {
            caller.refuse(488, "Not Acceptable Here (group chat sessions are not offered yet)");
            return;
        }
        GroupService.Service service = invitation.kind() == ServiceKind.FILE_TRANSFER
                ? GroupService.Service.FILE_TRANSFER : GroupService.Service.STANDALONE_MESSAGE;
        Authorization authorization = groups.authorize(group.address(), invitation.senderIdentity(), service);
        if (!authorization.allowed()) {
            caller.refuse(authorization.status(), GroupHeaders.refusal(authorization));
            return;
        }
        List<String> members = groups.recipientsExcept(group.address(), invitation.senderIdentity()).stream()
                .map(GroupMember::address)
                .filter(address -> settings.homeUserOf(address, users).isPresent())
                .toList();
        if (members.isEmpty()) {
            caller.refuse(480, "Temporarily Unavailable (no member to send to)");
            return;
        }
        String from = GroupHeaders.from(group);
        LOG.fine(() -> invitation.kind() + " to group " + group.address() + ": " + members.size() + " members");
        new GroupFanOut(msrp, policy.get(), caller, from, members, terminating::take).start();
    }
}
