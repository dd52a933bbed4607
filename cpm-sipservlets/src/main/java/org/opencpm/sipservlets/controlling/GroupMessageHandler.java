package org.opencpm.sipservlets.controlling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.opencpm.authentication.CredentialsSource;
import org.opencpm.group.Authorization;
import org.opencpm.group.Group;
import org.opencpm.group.GroupMember;
import org.opencpm.group.GroupService;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sipservlets.CoreSettings;
import org.opencpm.sipservlets.participating.SenderReply;
import org.opencpm.sipservlets.participating.TerminatingHandler;

/**
 * A standalone message to a pre-defined group (OMA CPM SD 5.2.2.1.2). The group's policies decide whether the
 * sender may send it (404 unknown group, 403 with the reason otherwise); then each member but the sender gets a
 * copy through their own terminating PF. Each copy carries both addresses: the SIP From is the group (so that a
 * reply to the whole group goes to the group, 5.2.2.1.4) and P-Asserted-Identity, like the CPIM From inside the
 * unchanged body, is the sender. Reply-To is dropped, as it is not honoured for pre-defined groups (5.2.2.1.4).
 */
@ApplicationScoped
public class GroupMessageHandler {

    private static final Logger LOG = Logger.getLogger(GroupMessageHandler.class.getName());

    private GroupService groups;
    private TerminatingHandler terminating;
    private CredentialsSource users;
    private CoreSettings settings;

    protected GroupMessageHandler() {
    }

    @Inject
    public GroupMessageHandler(GroupService groups, TerminatingHandler terminating, CredentialsSource users,
                               CoreSettings settings) {
        this.groups = groups;
        this.terminating = terminating;
        this.users = users;
        this.settings = settings;
    }

    /** The group at the Request-URI, if there is one. */
    public Optional<Group> groupAt(String address) {
        return groups.find(address);
    }

    /**
     * Authorises and distributes {@code message} (read for the group as its recipient) from {@code sender}; answers
     * the request: 202 once the copies are on their way, or the refusal.
     */
    public void distribute(SipServletRequest request, Group group, StandaloneMessage message, String sender) {
        Authorization authorization = groups.authorize(group.address(), sender, GroupService.Service.STANDALONE_MESSAGE);
        if (!authorization.allowed()) {
            request.createResponse(authorization.status(),
                    (authorization.status() == 404 ? "Not Found (" : "Forbidden (") + authorization.reason() + ")")
                    .send();
            return;
        }
        if (message.anonymous() && !group.policy().anonymityAllowed()) {
            request.createResponse(403, "Forbidden (anonymous messages are not allowed in this group)").send();
            return;
        }
        List<String> headers = new ArrayList<>();
        for (String line : message.headerLines()) {
            if (!line.regionMatches(true, 0, "Reply-To:", 0, 9)) {
                headers.add(line);
            }
        }
        String from = "\"" + group.displayName().replace("\"", "'") + "\" <" + group.address() + ">";
        int copies = 0;
        for (GroupMember member : groups.recipientsExcept(group.address(), sender)) {
            Optional<String> user = settings.userOf(member.address());
            if (user.isEmpty() || users.credentials(user.get(), settings.domain()).isEmpty()) {
                // A member outside the home domain needs interworking or another network's PF (not built yet).
                LOG.info(() -> "group " + group.address() + ": no route to member " + member.address());
                continue;
            }
            terminating.handle(new StandaloneMessage(user.get(), member.address(), from, message.senderIdentity(),
                    message.anonymous(), message.blacklistKey(), headers, message.contentType(), message.body(),
                    message.payload()), SenderReply.NONE);
            copies++;
        }
        int sent = copies;
        LOG.fine(() -> "group " + group.address() + ": " + sent + " copies from " + sender);
        request.createResponse(202, "Accepted").send();
    }
}
