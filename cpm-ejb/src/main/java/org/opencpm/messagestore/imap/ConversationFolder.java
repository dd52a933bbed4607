package org.opencpm.messagestore.imap;

/**
 * A CPM folder of a user's store, with its counts as the store's {@code STATUS} gave them.
 *
 * @param path    the folder below the default folder
 * @param mailbox its full mailbox name in the store
 * @param objects how many objects it holds
 * @param unseen  how many of them lack {@code \Seen}
 */
public record ConversationFolder(FolderPath path, String mailbox, int objects, int unseen) {
}
