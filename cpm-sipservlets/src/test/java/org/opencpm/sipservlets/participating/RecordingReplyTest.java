package org.opencpm.sipservlets.participating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An accepted message is recorded after its answer, and even when the answer could not reach the sender. */
class RecordingReplyTest {

    private final List<String> events = new ArrayList<>();

    @Test
    void anAcceptedMessageIsAnsweredThenRecordedARefusedOneOnlyAnswered() {
        new RecordingReply(reply(false), () -> events.add("recorded")).accepted(200);
        new RecordingReply(reply(false), () -> events.add("recorded")).refused(486, "Busy Here");
        assertEquals(List.of("answered 200", "recorded", "answered 486"), events);
    }

    @Test
    void aMessageWhoseSenderIsGoneBeforeItsAnswerIsRecordedAllTheSame() {
        RecordingReply reply = new RecordingReply(reply(true), () -> events.add("recorded"));
        assertThrows(IllegalStateException.class, () -> reply.accepted(200));
        assertEquals(List.of("answered 200", "recorded"), events);
    }

    private SenderReply reply(boolean senderGone) {
        return new SenderReply() {
            @Override
            public void accepted(int status) {
                answer(status);
            }

            @Override
            public void refused(int status, String reasonPhrase) {
                answer(status);
            }

            private void answer(int status) {
                events.add("answered " + status);
                if (senderGone) {
                    throw new IllegalStateException("could not send " + status + " for MESSAGE: Socket is closed");
                }
            }
        };
    }
}
