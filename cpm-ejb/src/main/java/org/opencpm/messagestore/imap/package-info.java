/**
 * Writing into users' folders of the message store over IMAP with Jakarta Mail: the administrator acting as the
 * user ({@link org.opencpm.messagestore.imap.MessageStoreWriter}), the default folder read from the
 * {@code DefaultFolderLocation} server annotation, folders created as needed, objects stored once
 * ({@link org.opencpm.messagestore.imap.UserStore}). The Participating Function's recording (issue 6 item 3) calls
 * it from its outbox: {@code writer.open(user)}, then {@code store(CpmFolder, StoredObject)} per object.
 */
package org.opencpm.messagestore.imap;
