package org.opencpm.rest.group;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencpm.group.GroupKind;
import org.opencpm.group.GroupPolicy;
import org.opencpm.group.GroupRules;
import org.opencpm.group.WhoMayInitiate;

/** A group's policy (OMA CPM SD 5.2.3.4), member for member {@link GroupPolicy}; absent members take the defaults. */
@Schema(name = "GroupPolicy")
@JsonbPropertyOrder({"allowStandaloneMessages", "allowSessions", "allowFileTransfer", "whoMayInitiate", "maxMembers",
        "anonymityAllowed", "closed", "kind"})
public record PolicyJson(
        @Schema(description = "Whether standalone messages may be sent to the group", defaultValue = "true")
        Boolean allowStandaloneMessages,
        @Schema(description = "Whether group sessions may be started", defaultValue = "true")
        Boolean allowSessions,
        @Schema(description = "Whether files may be sent to the group", defaultValue = "true")
        Boolean allowFileTransfer,
        @Schema(description = "Who may send to the group or start a session with it", defaultValue = "MEMBERS")
        WhoMayInitiate whoMayInitiate,
        @Schema(description = "Most members the group may have, the owner included",
                minimum = "" + GroupRules.MIN_MAX_MEMBERS, maximum = "" + GroupRules.MAX_MAX_MEMBERS,
                defaultValue = "" + GroupPolicy.DEFAULT_MAX_MEMBERS)
        Integer maxMembers,
        @Schema(description = "Whether senders may keep their identity undisclosed", defaultValue = "false")
        Boolean anonymityAllowed,
        @Schema(description = "Whether the group's sessions refuse new participants (5.2.3.4.1)",
                defaultValue = "false")
        Boolean closed,
        @Schema(description = "Pre-arranged or Join-in Group", defaultValue = "PRE_ARRANGED")
        GroupKind kind) {

    static PolicyJson of(GroupPolicy policy) {
        return new PolicyJson(policy.allowStandaloneMessages(), policy.allowSessions(), policy.allowFileTransfer(),
                policy.whoMayInitiate(), policy.maxMembers(), policy.anonymityAllowed(), policy.closed(),
                policy.kind());
    }

    GroupPolicy toPolicy() {
        GroupPolicy d = GroupPolicy.defaults();
        return new GroupPolicy(or(allowStandaloneMessages, d.allowStandaloneMessages()),
                or(allowSessions, d.allowSessions()), or(allowFileTransfer, d.allowFileTransfer()),
                whoMayInitiate == null ? d.whoMayInitiate() : whoMayInitiate,
                maxMembers == null ? d.maxMembers() : maxMembers, or(anonymityAllowed, d.anonymityAllowed()),
                or(closed, d.closed()), kind == null ? d.kind() : kind);
    }

    private static boolean or(Boolean value, boolean otherwise) {
        return value == null ? otherwise : value;
    }
}
