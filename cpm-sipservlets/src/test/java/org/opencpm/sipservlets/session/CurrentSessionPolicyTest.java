package org.opencpm.sipservlets.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CurrentSessionPolicyTest {

    private final Map<String, String> properties = new HashMap<>();
    private final CurrentSessionPolicy current = new CurrentSessionPolicy(properties::get);

    @Test
    void withoutPropertiesTheDefaultsApply() {
        assertEquals(SessionPolicy.defaults(), current.get());
    }

    @Test
    void aChangedPropertyAppliesToTheNextSession() {
        SessionPolicy before = current.get();
        assertSame(before, current.get(), "read again only when a property changed");

        properties.put("opencpm.msrp.link-establishment", "clients");
        properties.put("opencpm.cf.session-answer", "immediately");
        SessionPolicy after = current.get();
        assertEquals(LinkEstablishment.CLIENTS, after.links());
        assertTrue(after.cfAnswersAtOnce());
        assertEquals(LinkEstablishment.INVITING_SIDE, before.links(), "a session under way keeps its policy");

        properties.remove("opencpm.msrp.link-establishment");
        properties.put("opencpm.pf.session.device-timeout", "PT3S");
        assertEquals(LinkEstablishment.INVITING_SIDE, current.get().links());
        assertEquals(Duration.ofSeconds(3), current.get().deviceAnswerTimeout());
    }

    @Test
    void anInvalidValueFallsBackToTheDefaultWithoutStoppingSessions() {
        properties.put("opencpm.msrp.link-establishment", "sideways");
        properties.put("opencpm.cf.session-answer", "immediately");
        SessionPolicy policy = current.get();
        assertEquals(LinkEstablishment.INVITING_SIDE, policy.links());
        assertTrue(policy.cfAnswersAtOnce());
        properties.put("opencpm.cf.session-answer", "after-first-answer");
        assertFalse(current.get().cfAnswersAtOnce());
    }
}
