package org.opencpm.messagestore.imap;

/**
 * The message store did not do what was asked: unreachable, refused the administrator's credentials, or refused
 * a command. Trying again later may succeed (the store restarts, an account reaches it through the account outbox);
 * the message says what failed.
 */
public class MessageStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public MessageStoreException(String message) {
        super(message);
    }

    public MessageStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
