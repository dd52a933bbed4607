package org.opencpm.messagestore.imap;

import java.util.List;

/**
 * One page of what a user's store holds.
 *
 * @param items the page
 * @param total how many there are in all, for paging
 */
public record StoredPage<T>(List<T> items, int total) {

    public StoredPage {
        items = List.copyOf(items);
    }
}
