package org.opencpm.rest.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /users}. */
@Schema(name = "CreateUserRequest", requiredProperties = {"address", "password"})
public record CreateUserRequest(
        @Schema(description = "SIP address of record in the home domain", example = "sip:alice@opencpm.test",
                maxLength = 256)
        String address,
        @Schema(description = "8 to 128 characters, no control characters", minLength = 8, maxLength = 128,
                format = "password")
        String password) {

    @Override
    public String toString() {
        return "CreateUserRequest[address=" + address + "]";
    }
}
