package org.opencpm.sipservlets.session;

/** What the inviting neighbour tells the function it invited, besides the common {@link LegEvents}. */
public interface CallerEvents extends LegEvents {

    /** The answer was acknowledged: a passive side may now expect the peer's connection, an active one open it. */
    void acked();

    /** The caller gave up before the answer (CANCEL; it was answered 487 already). */
    void cancelled();
}
