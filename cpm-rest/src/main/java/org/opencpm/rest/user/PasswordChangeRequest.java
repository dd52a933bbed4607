package org.opencpm.rest.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /users/{address}/password}. */
@Schema(name = "PasswordChangeRequest", requiredProperties = "password")
public record PasswordChangeRequest(
        @Schema(description = "8 to 128 characters, no control characters", minLength = 8, maxLength = 128,
                format = "password")
        String password) {

    @Override
    public String toString() {
        return "PasswordChangeRequest[]";
    }
}
