package org.opencpm.participating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencpm.preference.MultiDevicePolicy;

class DeliveryProgressTest {

    @Test
    void allDevicesAtOnceDeliveredOnFirstAcceptance() {
        DeliveryProgress p = new DeliveryProgress(3, MultiDevicePolicy.ALL);
        assertEquals(List.of(0, 1, 2), p.start().devices());
        assertInstanceOf(DeliveryProgress.Wait.class, p.onFinalResponse(1, 486));
        assertInstanceOf(DeliveryProgress.Delivered.class, p.onFinalResponse(2, 200));
        assertInstanceOf(DeliveryProgress.Wait.class, p.onFinalResponse(0, 200)); // a second acceptance is no news
        assertTrue(p.finished());
    }

    @Test
    void allDevicesFailWhenEveryOneRefusesOrTimesOut() {
        DeliveryProgress p = new DeliveryProgress(2, MultiDevicePolicy.ALL);
        p.start();
        assertInstanceOf(DeliveryProgress.Wait.class, p.onFinalResponse(0, 603));
        DeliveryProgress.Step last = p.onDeadline(1);
        assertEquals(new DeliveryProgress.Failed(408), last);
        assertInstanceOf(DeliveryProgress.Wait.class, p.onFinalResponse(1, 200)); // late: already decided
    }

    @Test
    void firstAcceptingTriesOneDeviceAfterAnother() {
        DeliveryProgress p = new DeliveryProgress(3, MultiDevicePolicy.FIRST_ACCEPTING);
        assertEquals(List.of(0), p.start().devices());
        assertEquals(new DeliveryProgress.Send(List.of(1)), p.onFinalResponse(0, 480));
        assertEquals(new DeliveryProgress.Send(List.of(2)), p.onDeadline(1));
        assertInstanceOf(DeliveryProgress.Delivered.class, p.onFinalResponse(2, 202));
        assertTrue(p.finished());
    }

    @Test
    void firstAcceptingStopsAtTheFirstAcceptance() {
        DeliveryProgress p = new DeliveryProgress(3, MultiDevicePolicy.FIRST_ACCEPTING);
        p.start();
        assertInstanceOf(DeliveryProgress.Delivered.class, p.onFinalResponse(0, 200));
        assertTrue(p.finished()); // devices 1 and 2 never get it
    }

    @Test
    void aDeadlineAfterTheAnswerChangesNothing() {
        DeliveryProgress p = new DeliveryProgress(1, MultiDevicePolicy.ALL);
        p.start();
        p.onFinalResponse(0, 200);
        assertInstanceOf(DeliveryProgress.Wait.class, p.onDeadline(0));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new DeliveryProgress(0, MultiDevicePolicy.ALL));
        DeliveryProgress p = new DeliveryProgress(1, MultiDevicePolicy.ALL);
        p.start();
        assertThrows(IllegalArgumentException.class, () -> p.onFinalResponse(0, 180));
        assertFalse(p.decided());
    }
}
