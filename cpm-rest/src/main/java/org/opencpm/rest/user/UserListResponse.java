package org.opencpm.rest.user;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencpm.user.UserAccountPage;

/** One page of {@code GET /users}: the users ordered by address, the page asked for, and the number of users. */
@Schema(name = "UserList")
public record UserListResponse(List<UserResponse> items, int page, int size, long total) {

    static UserListResponse of(UserAccountPage page) {
        return new UserListResponse(page.items().stream().map(UserResponse::of).toList(), page.page(), page.size(),
                page.total());
    }
}
