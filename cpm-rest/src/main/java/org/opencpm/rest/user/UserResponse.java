package org.opencpm.rest.user;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencpm.user.UserAccountSummary;

/** A user account as the API shows it. */
@Schema(name = "User")
public record UserResponse(
        @Schema(description = "Canonical SIP address of record", example = "sip:alice@opencpm.test")
        String address,
        Instant createdAt,
        Instant updatedAt) {

    static UserResponse of(UserAccountSummary account) {
        return new UserResponse(account.address(), account.createdAt(), account.updatedAt());
    }
}
