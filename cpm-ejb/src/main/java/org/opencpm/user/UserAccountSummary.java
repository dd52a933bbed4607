package org.opencpm.user;

import java.time.Instant;

/** An account as shown to administrators: never its hashes. */
public record UserAccountSummary(String address, Instant createdAt, Instant updatedAt) {
}
