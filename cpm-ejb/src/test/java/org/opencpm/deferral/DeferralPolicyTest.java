package org.opencpm.deferral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeferralPolicyTest {

    @Test
    void defaultsWhenNothingIsSet() {
        assertEquals(new DeferralPolicy(Duration.ofDays(7), 20_000, Duration.ofSeconds(60)),
                DeferralPolicy.from(name -> null));
        assertEquals(DeferralPolicy.defaults(), DeferralPolicy.from(name -> null));
    }

    @Test
    void readsTheProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("opencpm.deferral.expiry", "PT168H");
        properties.put("opencpm.deferral.max-per-user", " 500 ");
        properties.put("opencpm.deferral.lease", "PT30S");

        assertEquals(new DeferralPolicy(Duration.ofHours(168), 500, Duration.ofSeconds(30)),
                DeferralPolicy.from(properties::get));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7 days", "P7", "PT0S", "-PT1H"})
    void aBadDurationFallsBackToTheDefault(String value) {
        Map<String, String> properties = Map.of("opencpm.deferral.expiry", value, "opencpm.deferral.lease", value);

        DeferralPolicy policy = DeferralPolicy.from(properties::get);

        assertEquals(DeferralPolicy.DEFAULT_EXPIRY, policy.expiry());
        assertEquals(DeferralPolicy.DEFAULT_LEASE, policy.lease());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "many", "0", "-3", "1e4", "99999999999"})
    void aBadCountFallsBackToTheDefault(String value) {
        assertEquals(DeferralPolicy.DEFAULT_MAX_PER_USER,
                DeferralPolicy.from(Map.of("opencpm.deferral.max-per-user", value)::get).maxPerUser());
    }

    @Test
    void aPolicyIsPositive() {
        Duration day = Duration.ofDays(1);
        Duration second = Duration.ofSeconds(1);
        assertThrows(IllegalArgumentException.class, () -> new DeferralPolicy(Duration.ZERO, 1, second));
        assertThrows(IllegalArgumentException.class, () -> new DeferralPolicy(day, 0, second));
        assertThrows(IllegalArgumentException.class, () -> new DeferralPolicy(day, 1, second.negated()));
    }
}
