package org.opencpm.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of a preference document, one broken at a time, with the field path and detail it reports. */
class PreferenceRulesTest {

    private static final String ALICE = "sip:alice@opencpm.test";
    private static final PreferenceProfile HOME = new PreferenceProfile("home", "At home", true, null, List.of());

    private static UserPreferences document(List<String> blacklist, MessageHandling handling, String forwardTo,
                                            List<PreferenceProfile> profiles, Map<String, String> activeProfiles) {
        return new UserPreferences(false, blacklist, false, handling, forwardTo, null, null, null, profiles,
                activeProfiles);
    }

    private static UserPreferences blacklist(String... entries) {
        return document(List.of(entries), null, null, List.of(), Map.of());
    }

    private static UserPreferences forwarding(MessageHandling handling, String forwardTo) {
        return document(List.of(), handling, forwardTo, List.of(), Map.of());
    }

    private static UserPreferences profiles(PreferenceProfile... profiles) {
        return document(List.of(), null, null, List.of(profiles), Map.of());
    }

    private static UserPreferences active(Map<String, String> activeProfiles) {
        return document(List.of(), null, null, List.of(HOME), activeProfiles);
    }

    private static PreferenceProfile profile(String id, String displayName, Long maxSize, String... types) {
        return new PreferenceProfile(id, displayName, true, maxSize, List.of(types));
    }

    static Stream<Arguments> brokenRules() {
        List<String> tooManySenders = IntStream.rangeClosed(0, PreferenceRules.MAX_BLACKLIST)
                .mapToObj(i -> "sip:spammer" + i + "@example.com").toList();
        PreferenceProfile[] tooManyProfiles = IntStream.rangeClosed(0, PreferenceRules.MAX_PROFILES)
                .mapToObj(i -> profile("p" + i, "Profile " + i, null)).toArray(PreferenceProfile[]::new);
        Map<String, String> tooManyDevices = new HashMap<>();
        IntStream.rangeClosed(0, PreferenceRules.MAX_DEVICES).forEach(i -> tooManyDevices.put("urn:uuid:" + i, "home"));
        String[] tooManyTypes = Collections.nCopies(PreferenceRules.MAX_CONTENT_TYPES + 1, "text/plain")
                .toArray(String[]::new);
        return Stream.of(
                Arguments.of(blacklist("sip:bob@example.com", "mailto:eve@example.com"), "blacklist[1]",
                        "must be a sip:, sips: or tel: URI"),
                Arguments.of(blacklist("sip:example.com"), "blacklist[0]", "must be of the form sip:user@host"),
                Arguments.of(document(tooManySenders, null, null, List.of(), Map.of()), "blacklist",
                        "must have at most 1000 entries"),
                Arguments.of(forwarding(MessageHandling.FORWARD, null), "forwardTo",
                        "is required when messageHandling is FORWARD"),
                Arguments.of(forwarding(MessageHandling.DEFER, "sip:bob@example.com"), "forwardTo",
                        "must be absent unless messageHandling is FORWARD"),
                Arguments.of(forwarding(null, "sip:bob@example.com"), "forwardTo",
                        "must be absent unless messageHandling is FORWARD"),
                Arguments.of(forwarding(MessageHandling.FORWARD, "http://example.com"), "forwardTo",
                        "must be a sip:, sips: or tel: URI"),
                Arguments.of(forwarding(MessageHandling.FORWARD, "sips:alice@OPENCPM.test;transport=tls"), "forwardTo",
                        "must not be the user's own address"),
                Arguments.of(profiles(HOME, profile(" ", "Blank", null)), "profiles[1].id",
                        "is required and must not be blank"),
                Arguments.of(profiles(HOME, profile(null, "Missing", null)), "profiles[1].id",
                        "is required and must not be blank"),
                Arguments.of(profiles(HOME, profile("work", "Work", null), profile("home", "Again", null)),
                        "profiles[2].id", "repeats the id of profiles[0]"),
                Arguments.of(profiles(profile("x".repeat(65), "Long", null)), "profiles[0].id",
                        "must be at most 64 characters"),
                Arguments.of(profiles(profile("work", null, null)), "profiles[0].displayName",
                        "is required and must not be blank"),
                Arguments.of(profiles(profile("work", "", null)), "profiles[0].displayName",
                        "is required and must not be blank"),
                Arguments.of(profiles(profile("work", "Work", 0L)), "profiles[0].maxMessageSize",
                        "must be greater than 0"),
                Arguments.of(profiles(profile("work", "Work", -5L)), "profiles[0].maxMessageSize",
                        "must be greater than 0"),
                Arguments.of(profiles(profile("work", "Work", null, "text/plain", "text")),
                        "profiles[0].contentTypes[1]", "must be a MIME type, type/subtype or type/*, without parameters"),
                Arguments.of(profiles(profile("work", "Work", null, "text/plain; charset=utf-8")),
                        "profiles[0].contentTypes[0]", "must be a MIME type, type/subtype or type/*, without parameters"),
                Arguments.of(profiles(profile("work", "Work", null, "*/*")),
                        "profiles[0].contentTypes[0]", "must be a MIME type, type/subtype or type/*, without parameters"),
                Arguments.of(profiles(profile("work", "Work", null, tooManyTypes)), "profiles[0].contentTypes",
                        "must have at most 50 entries"),
                Arguments.of(profiles(tooManyProfiles), "profiles", "must have at most 50 profiles"),
                Arguments.of(active(Map.of("urn:uuid:1", "home", "urn:uuid:2", "gym")), "activeProfiles[\"urn:uuid:2\"]",
                        "names no profile of this document: 'gym'"),
                Arguments.of(active(Map.of(" ", "home")), "activeProfiles[\" \"]", "has a blank device id"),
                Arguments.of(active(Map.of("d".repeat(513), "home")), "activeProfiles",
                        "has a device id over 512 characters"),
                Arguments.of(active(tooManyDevices), "activeProfiles", "must have at most 100 devices"));
    }

    @ParameterizedTest
    @MethodSource("brokenRules")
    void refusesWithTheFieldAndWhy(UserPreferences document, String field, String detail) {
        InvalidPreferencesException e = assertThrows(InvalidPreferencesException.class,
                () -> PreferenceRules.canonical(document, ALICE));

        assertEquals(field, e.field());
        assertEquals(detail, e.detail());
        assertEquals(field + " " + detail, e.getMessage());
    }

    @Test
    void theCanonicalFormOfAValidDocument() {
        UserPreferences document = new UserPreferences(true,
                List.of("SIP:Bob@Example.COM;transport=tcp", "tel:+1-201-555-0123", "sips:Bob@example.com"), true,
                MessageHandling.FORWARD, "sip:carol@EXAMPLE.com:5060", DeferredDelivery.PUSH, ExpiredHandling.STORE,
                MultiDevicePolicy.FIRST_ACCEPTING,
                List.of(profile("work", "At work", 4096L, "Text/Plain", "image/*", "text/plain"), HOME),
                Map.of("urn:uuid:1", "work", "sip:alice@192.0.2.1:5070", "home"));

        UserPreferences canonical = PreferenceRules.canonical(document, ALICE);

        assertEquals(new UserPreferences(true, List.of("sip:Bob@example.com", "tel:+12015550123"), true,
                MessageHandling.FORWARD, "sip:carol@example.com", DeferredDelivery.PUSH, ExpiredHandling.STORE,
                MultiDevicePolicy.FIRST_ACCEPTING,
                List.of(profile("work", "At work", 4096L, "text/plain", "image/*"), HOME),
                Map.of("urn:uuid:1", "work", "sip:alice@192.0.2.1:5070", "home")), canonical);
    }

    @Test
    void theDefaultsAreValid() {
        assertEquals(UserPreferences.defaults(), PreferenceRules.canonical(UserPreferences.defaults(), ALICE));
    }
}
