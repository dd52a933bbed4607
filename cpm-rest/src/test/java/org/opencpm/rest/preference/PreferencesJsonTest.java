package org.opencpm.rest.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencpm.preference.DeferredDelivery;
import org.opencpm.preference.ExpiredHandling;
import org.opencpm.preference.InvalidPreferencesException;
import org.opencpm.preference.MessageHandling;
import org.opencpm.preference.MultiDevicePolicy;
import org.opencpm.preference.PreferenceProfile;
import org.opencpm.preference.UserPreferences;
import org.opencpm.rest.problem.Problem;

/** The preference document through JSON-B as WildFly runs it for this resource: strict on reading. */
class PreferencesJsonTest {

    private static final Jsonb JSONB = new StrictPreferencesJson().getContext(PreferencesDocument.class);

    private static final String FULL_JSON = "{\"doNotDisturb\":true,"
            + "\"blacklist\":[\"sip:eve@example.com\",\"tel:+12015550123\"],"
            + "\"rejectAnonymous\":true,"
            + "\"messageHandling\":\"FORWARD\","
            + "\"forwardTo\":\"sip:bob@example.com\","
            + "\"deferredDelivery\":\"PUSH\","
            + "\"expiredHandling\":\"STORE\","
            + "\"multiDevice\":\"FIRST_ACCEPTING\","
            + "\"profiles\":[{\"id\":\"work\",\"displayName\":\"At work\",\"standaloneMessages\":true,"
            + "\"maxMessageSize\":4096,\"contentTypes\":[\"text/plain\",\"image/*\"]},"
            + "{\"id\":\"night\",\"displayName\":\"Night\",\"standaloneMessages\":false,\"contentTypes\":[]}],"
            + "\"activeProfiles\":{\"urn:uuid:1\":\"work\",\"urn:uuid:2\":\"night\"}}";

    private static final UserPreferences FULL = new UserPreferences(true,
            List.of("sip:eve@example.com", "tel:+12015550123"), true, MessageHandling.FORWARD, "sip:bob@example.com",
            DeferredDelivery.PUSH, ExpiredHandling.STORE, MultiDevicePolicy.FIRST_ACCEPTING,
            List.of(new PreferenceProfile("work", "At work", true, 4096L, List.of("text/plain", "image/*")),
                    new PreferenceProfile("night", "Night", false, null, List.of())),
            Map.of("urn:uuid:2", "night", "urn:uuid:1", "work"));

    private static PreferencesDocument read(String json) {
        return JSONB.fromJson(json, PreferencesDocument.class);
    }

    @Test
    void aFullDocumentReadsAsTheServiceValue() {
        assertEquals(FULL, read(FULL_JSON).toPreferences());
    }

    @Test
    void aDocumentWritesMemberForMemberWithDevicesSorted() {
        assertEquals(FULL_JSON, JSONB.toJson(PreferencesDocument.of(FULL)));
    }

    @Test
    void theDefaultsOmitOnlyTheAbsentOptionalMembers() {
        assertEquals("{\"doNotDisturb\":false,\"blacklist\":[],\"rejectAnonymous\":false,"
                + "\"messageHandling\":\"DELIVER\",\"profiles\":[],\"activeProfiles\":{}}",
                JSONB.toJson(PreferencesDocument.of(UserPreferences.defaults())));
    }

    @Test
    void absentAndNullMembersTakeTheirDefaults() {
        assertEquals(UserPreferences.defaults(), read("{}").toPreferences());
        assertEquals(UserPreferences.defaults(), read("{\"doNotDisturb\":null,\"blacklist\":null,"
                + "\"messageHandling\":null,\"forwardTo\":null,\"profiles\":null,\"activeProfiles\":null}")
                .toPreferences());
    }

    @Test
    void aProfileDeliversStandaloneMessagesUnlessItSaysNot() {
        UserPreferences read = read("{\"profiles\":[{\"id\":\"home\",\"displayName\":\"Home\"}]}").toPreferences();

        assertEquals(List.of(new PreferenceProfile("home", "Home", true, null, List.of())), read.profiles());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"doNotDisturb\":true,\"doNotDistrub\":true}",
            "{\"profiles\":[{\"id\":\"home\",\"displayName\":\"Home\",\"maxSize\":10}]}",
            "{\"messageHandling\":\"BOUNCE\"}",
            "{\"blacklist\":\"sip:eve@example.com\"}",
            "[]"})
    void unknownMembersAndWrongTypesAreRefused(String json) {
        assertThrows(JsonbException.class, () -> read(json));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"blacklist\":[\"sip:eve@example.com\",null]}                   | blacklist[1]",
            "{\"profiles\":[null]}                                             | profiles[0]",
            "{\"profiles\":[{\"id\":\"a\",\"displayName\":\"A\",\"contentTypes\":[null]}]} | profiles[0].contentTypes[0]",
            "{\"activeProfiles\":{\"urn:uuid:1\":null}}                        | activeProfiles[\"urn:uuid:1\"]"})
    void nullsInsideArraysAndObjectsAreRefusedWithTheirPath(String json, String field) {
        PreferencesDocument document = read(json);

        InvalidPreferencesException e = assertThrows(InvalidPreferencesException.class, document::toPreferences);
        assertEquals(field, e.field());
        assertEquals("must not be null", e.detail());
    }

    @Test
    void otherTypesKeepTheDefaultJsonb() {
        assertNull(new StrictPreferencesJson().getContext(Problem.class));
    }
}
