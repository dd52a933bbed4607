package org.opencpm.controlling;

import java.util.List;

/** What became of a notification that came back to the CF, and the aggregates that are now ready to go. */
public record Collected(Outcome outcome, List<Aggregate> ready) {

    public enum Outcome {
        /** Held for aggregation; {@link #ready()} may hold what goes out now. */
        HELD,
        /** The CF tracks no such message (never asked, or forgotten): the notification goes on as it is. */
        UNTRACKED,
        /** The notifier did not receive the message from the CF. */
        NOT_A_RECIPIENT,
        /** The notifier already gave a notification of that type for the message. */
        DUPLICATE
    }

    public Collected {
        ready = List.copyOf(ready);
    }

    static Collected of(Outcome outcome) {
        return new Collected(outcome, List.of());
    }
}
