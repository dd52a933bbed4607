/**
 * Users' folders of the message store over IMAP with Jakarta Mail, the administrator acting as the user
 * ({@link org.opencpm.messagestore.imap.MessageStoreWriter}), the default folder read from the
 * {@code DefaultFolderLocation} server annotation.
 * <p>
 * Writing: folders created as needed, objects stored once ({@link org.opencpm.messagestore.imap.UserStore}). The
 * Participating Function's recording (issue 6 item 3) calls it from its outbox: {@code writer.open(user)}, then
 * {@code store(CpmFolder, StoredObject)} per object.
 * <p>
 * Reading, for views of a user's store: the CPM folders with their counts and a folder's objects, a page at a time,
 * without changing anything ({@link org.opencpm.messagestore.imap.StoredConversations}).
 */
package org.opencpm.messagestore.imap;
