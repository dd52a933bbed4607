package org.opencpm.group;

import java.util.List;

/** Groups ordered by address from position {@code offset}, at most {@code limit}, of {@code total}. */
public record GroupPage(List<Group> items, int offset, int limit, long total) {
}
