package org.opencpm.rest.group;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencpm.group.GroupMember;
import org.opencpm.group.GroupRole;

/** A group member, member for member {@link GroupMember}. */
@Schema(name = "GroupMember", requiredProperties = "address")
@JsonbPropertyOrder({"address", "role", "displayName"})
public record MemberJson(
        @Schema(description = "A sip:, sips: or tel: URI, stored canonical (sip:user@host, tel:+digits)",
                example = "sip:bob@example.com")
        String address,
        @Schema(description = "OWNER only for the group's owner", defaultValue = "PARTICIPANT")
        GroupRole role,
        @Schema(description = "How the member is shown to the others", maxLength = 256, example = "Bob")
        String displayName) {

    static MemberJson of(GroupMember member) {
        return new MemberJson(member.address(), member.role(), member.displayName());
    }

    GroupMember toMember() {
        return new GroupMember(address, role == null ? GroupRole.PARTICIPANT : role, displayName);
    }
}
