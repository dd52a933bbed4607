package org.opencpm.messagestore.accounts;

/**
 * What the user service tells the message store about accounts, in the account's transaction: nothing reaches the
 * store unless that transaction commits.
 */
public interface MessageStoreAccounts {

    /** For code that has no message store (unit tests). */
    MessageStoreAccounts NONE = new MessageStoreAccounts() {
        @Override
        public void present(String user, String domain, String password) {
            // nothing to tell
        }

        @Override
        public void removed(String user, String domain) {
            // nothing to tell
        }
    };

    /** The account {@code user@domain} exists, with this (new) password. */
    void present(String user, String domain, String password);

    /** The account {@code user@domain} is gone, with everything it stored. */
    void removed(String user, String domain);
}
