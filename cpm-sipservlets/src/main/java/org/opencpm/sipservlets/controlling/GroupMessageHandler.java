package org.opencpm.sipservlets.controlling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.opencpm.group.Authorization;
import org.opencpm.group.Group;
import org.opencpm.group.GroupMember;
import org.opencpm.group.GroupService;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.sip.api.SipServletRequest;

/**
 * A standalone message to a pre-defined group (OMA CPM SD 5.2.2.1.2). The group's policies decide whether the
 * sender may send it (404 unknown group, 403 with the reason otherwise); then each member but the sender gets a
 * copy through their own terminating PF. Each copy carries both addresses: the SIP From is the group (so that a
 * reply to the whole group goes to the group, 5.2.2.1.4) and P-Asserted-Identity, like the CPIM From inside the
 * body, is the sender. Reply-To is dropped, as it is not honoured for pre-defined groups (5.2.2.1.4). The body is
 * unchanged but for the IMDN-Record-Route the CF adds when notifications were asked for ({@link CopyDistributor}).
 */
@ApplicationScoped
public class GroupMessageHandler {

    private static final Logger LOG = Logger.getLogger(GroupMessageHandler.class.getName());

    private GroupService groups;
    private CopyDistributor distributor;

    protected GroupMessageHandler() {
    }

    @Inject
    public GroupMessageHandler(GroupService groups, CopyDistributor distributor) {
        this.groups = groups;
        this.distributor = distributor;
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
            request.createResponse(authorization.status(), GroupHeaders.refusal(authorization)).send();
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
        String from = GroupHeaders.from(group);
        List<String> members = groups.recipientsExcept(group.address(), sender).stream()
                .map(GroupMember::address)
                .toList();
        int copies = distributor.distribute(message, group.address(), from, headers, members);
        LOG.fine(() -> "group " + group.address() + ": " + copies + " copies from " + sender);
        request.createResponse(202, "Accepted").send();
    }
}
