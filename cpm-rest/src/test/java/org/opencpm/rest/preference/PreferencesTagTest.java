package org.opencpm.rest.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.ws.rs.core.EntityTag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencpm.preference.MessageHandling;
import org.opencpm.preference.PreferenceProfile;
import org.opencpm.preference.UserPreferences;

class PreferencesTagTest {

    private static UserPreferences withDevices(Map<String, String> devices) {
        return new UserPreferences(false, List.of(), false, MessageHandling.DELIVER, null, null, null, null,
                List.of(new PreferenceProfile("a", "A", true, null, List.of()),
                        new PreferenceProfile("b", "B", true, null, List.of())), devices);
    }

    private static UserPreferences withBlacklist(String... entries) {
        return new UserPreferences(false, List.of(entries), false, null, null, null, null, null, List.of(), Map.of());
    }

    @Test
    void equalDocumentsHaveEqualStrongTags() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("d1", "a");
        one.put("d2", "b");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("d2", "b");
        other.put("d1", "a");

        EntityTag tag = PreferencesTag.of(withDevices(one));

        assertEquals(tag, PreferencesTag.of(withDevices(other)));
        assertFalse(tag.isWeak());
        assertEquals(64, tag.getValue().length());
    }

    @Test
    void anyChangeChangesTheTag() {
        EntityTag defaults = PreferencesTag.of(UserPreferences.defaults());

        assertNotEquals(defaults, PreferencesTag.of(withDevices(Map.of())));
        assertNotEquals(PreferencesTag.of(withDevices(Map.of("d1", "a"))),
                PreferencesTag.of(withDevices(Map.of("d1", "b"))));
        assertNotEquals(PreferencesTag.of(new UserPreferences(true, List.of(), false, null, null, null, null, null,
                List.of(), Map.of())), defaults);
    }

    @Test
    void valuesCannotRunIntoEachOther() {
        assertNotEquals(PreferencesTag.of(withBlacklist("sip:a@b", "sip:c@d")),
                PreferencesTag.of(withBlacklist("sip:a@bsip:c@d")));
        assertNotEquals(PreferencesTag.of(withBlacklist("sip:a@b", "sip:c@d")),
                PreferencesTag.of(withBlacklist("sip:c@d", "sip:a@b")));
    }
}
