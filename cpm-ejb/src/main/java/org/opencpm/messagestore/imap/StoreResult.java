package org.opencpm.messagestore.imap;

/**
 * Where an object is: the mailbox and its UID there.
 *
 * @param mailbox       the full mailbox name
 * @param uid           the object's UID in it
 * @param alreadyStored true when the object was found there, stored by an earlier attempt, and not appended again
 */
public record StoreResult(String mailbox, long uid, boolean alreadyStored) {
}
