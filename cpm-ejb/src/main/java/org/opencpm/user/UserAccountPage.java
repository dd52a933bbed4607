package org.opencpm.user;

import java.util.List;

/** One page of accounts ordered by address, with the total number of accounts. */
public record UserAccountPage(List<UserAccountSummary> items, int page, int size, long total) {
}
