package org.opencpm.sipservlets.participating;

/**
 * A verdict that, when the message was accepted, records it afterwards (OMA CPM SD 5.2.1.2.1): the sender has their
 * answer first, and a refused message is not a conversation item. An accepted message is recorded even when the
 * answer did not reach its sender: it was delivered (or kept) all the same.
 */
public record RecordingReply(SenderReply reply, Runnable record) implements SenderReply {

    @Override
    public void accepted(int status) {
        try {
            reply.accepted(status);
        } finally {
            record.run();
        }
    }

    @Override
    public void refused(int status, String reasonPhrase) {
        reply.refused(status, reasonPhrase);
    }
}
