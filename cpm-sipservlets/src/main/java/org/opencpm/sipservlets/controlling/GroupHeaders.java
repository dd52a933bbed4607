package org.opencpm.sipservlets.controlling;

import org.opencpm.group.Authorization;
import org.opencpm.group.Group;

/** What the CF writes for a group, the same for its pager-mode copies and its sessions. */
final class GroupHeaders {

    private GroupHeaders() {
    }

    /** The From of a copy: the group, by its display name (SD 5.2.2.1.4: a reply goes to the group). */
    static String from(Group group) {
        return "\"" + group.displayName().replace("\"", "'") + "\" <" + group.address() + ">";
    }

    /** The reason phrase of a refusal by the group's policy: 404 for no such group, else 403. */
    static String refusal(Authorization authorization) {
        return (authorization.status() == 404 ? "Not Found (" : "Forbidden (") + authorization.reason() + ")";
    }
}
