package org.opencpm.messagestore.imap;

/**
 * The store has no account for the user (yet: accounts reach it through the account outbox). Nothing was written:
 * the administrator could otherwise create folders for a user who does not exist (james-facts.md).
 */
public class UnknownStoreUserException extends MessageStoreException {

    private static final long serialVersionUID = 1L;

    public UnknownStoreUserException(String user) {
        super("the message store has no account " + user);
    }
}
