package org.opencpm.participating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DeliveryOutcomeTest {

    @Test
    void firstAcceptanceAnswersAtOnceAndOnlyOnce() {
        DeliveryOutcome o = new DeliveryOutcome(4);
        assertEquals(OptionalInt.empty(), o.onFinalResponse(486));
        assertEquals(OptionalInt.of(200), o.onFinalResponse(202));
        assertEquals(OptionalInt.empty(), o.onFinalResponse(200));
        assertFalse(o.allDevicesAnswered());
        o.onFinalResponse(408);
        assertTrue(o.allDevicesAnswered());
    }

    @Test
    void allFailedGivesSharedStatusA6xxOr480() {
        DeliveryOutcome same = new DeliveryOutcome(2);
        same.onFinalResponse(486);
        assertEquals(OptionalInt.of(486), same.onFinalResponse(486));
        DeliveryOutcome decline = new DeliveryOutcome(2);
        decline.onFinalResponse(408);
        assertEquals(OptionalInt.of(603), decline.onFinalResponse(603));
        DeliveryOutcome mixed = new DeliveryOutcome(2);
        mixed.onFinalResponse(408);
        assertEquals(OptionalInt.of(480), mixed.onFinalResponse(415));
    }

    @Test
    void pagerModeLimitIs1300Bytes() {
        assertFalse(PagerModeLimits.tooLargeForPagerMode(1300));
        assertTrue(PagerModeLimits.tooLargeForPagerMode(1301));
        assertTrue(PagerModeLimits.warningFor("opencpm.test").startsWith("399 opencpm.test \""));
    }
}
