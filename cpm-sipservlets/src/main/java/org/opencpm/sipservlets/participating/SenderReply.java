package org.opencpm.sipservlets.participating;

/** Where the terminating PF's verdict on one message goes: the sender's pending request, or nowhere. */
public interface SenderReply {

    /** The message was delivered (200) or taken for later (202). */
    void accepted(int status);

    /** The message was refused. */
    void refused(int status, String reasonPhrase);

    /** For messages the server generates itself: nobody waits for an answer. */
    SenderReply NONE = new SenderReply() {
        @Override
        public void accepted(int status) {
        }

        @Override
        public void refused(int status, String reasonPhrase) {
        }
    };
}
