package org.opencpm.messagestore.views;

/**
 * The message store cannot be read now: none is configured, the server has no administrator password for it, it
 * is unreachable or refused, or it has no account for the user yet. The message says which, for the client; the
 * server log has the store's own answer.
 */
public class MessageStoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MessageStoreUnavailableException(String message) {
        super(message);
    }

    public MessageStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
