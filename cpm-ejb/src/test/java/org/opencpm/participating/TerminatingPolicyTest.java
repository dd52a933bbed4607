package org.opencpm.participating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencpm.participating.TerminatingDecision.DeferReason;
import org.opencpm.preference.MessageHandling;
import org.opencpm.preference.MultiDevicePolicy;
import org.opencpm.preference.PreferenceProfile;
import org.opencpm.preference.UserPreferences;
import org.opencpm.registrar.ActiveContact;

class TerminatingPolicyTest {

    private static final String ALICE = "sip:alice@opencpm.test";
    private static final ActiveContact PHONE = new ActiveContact("sip:bob@10.0.0.1:5060", "+sip.instance=\"<urn:uuid:phone>\"",
            "urn:uuid:phone", 3600, null);
    private static final ActiveContact TV = new ActiveContact("sip:bob@10.0.0.2:5060",
            "+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\"", null, 3600, null);
    private static final ActiveContact LAPTOP = new ActiveContact("sip:bob@10.0.0.3:5060", "", "urn:uuid:laptop", 3600,
            null);

    private final TerminatingPolicy policy = new TerminatingPolicy(ServiceProviderPolicy.defaults());
    private final MessageFacts text = new MessageFacts(ALICE, false, false, "text/plain", 12);

    private static UserPreferences prefs(boolean dnd, List<String> blacklist, boolean rejectAnonymous,
                                         MessageHandling handling, String forwardTo) {
        return new UserPreferences(dnd, blacklist, rejectAnonymous, handling, forwardTo, null, null, null, null, null);
    }

    @Test
    void rejectionComesFirstEvenBeforeForwardingOrDoNotDisturb() {
        UserPreferences p = prefs(true, List.of(ALICE), false, MessageHandling.FORWARD, "sip:carol@opencpm.test");
        assertEquals(403, ((TerminatingDecision.Reject) policy.decide(text, p, List.of(PHONE))).status());
    }

    @Test
    void anonymousSendersAreRejectedOnlyWhenAsked() {
        MessageFacts anonymous = new MessageFacts(ALICE, true, false, "text/plain", 12);
        assertEquals(new TerminatingDecision.Reject(433, "Anonymity Disallowed"),
                policy.decide(anonymous, prefs(false, List.of(), true, null, null), List.of(PHONE)));
        assertEquals(TerminatingDecision.Deliver.class,
                policy.decide(anonymous, UserPreferences.defaults(), List.of(PHONE)).getClass());
    }

    @Test
    void handlingPreferencesInTheOrderOfTheSystemDescription() {
        record Row(MessageHandling handling, String forwardTo, TerminatingDecision expected) { }
        for (Row row : List.of(
                new Row(MessageHandling.INTERWORK, null, new TerminatingDecision.Interwork()),
                new Row(MessageHandling.STORE, null, new TerminatingDecision.Store()),
                new Row(MessageHandling.FORWARD, "sip:carol@opencpm.test",
                        new TerminatingDecision.Forward("sip:carol@opencpm.test")),
                new Row(MessageHandling.DEFER, null, new TerminatingDecision.Defer(DeferReason.PREFERENCE)))) {
            // Note 3 of 5.2.2.1.3: do-not-disturb set in parallel has no effect on these.
            assertEquals(row.expected(), policy.decide(text, prefs(true, List.of(), false, row.handling(),
                    row.forwardTo()), List.of(PHONE)), row.handling().name());
        }
    }

    @Test
    void doNotDisturbDefers() {
        assertEquals(new TerminatingDecision.Defer(DeferReason.DO_NOT_DISTURB),
                policy.decide(text, prefs(true, List.of(), false, null, null), List.of(PHONE)));
    }

    @Test
    void nobodyRegisteredOrNobodySuitableDefers() {
        assertEquals(new TerminatingDecision.Defer(DeferReason.NOT_REGISTERED),
                policy.decide(text, UserPreferences.defaults(), List.of()));
        assertEquals(new TerminatingDecision.Defer(DeferReason.NO_SUITABLE_CLIENT),
                policy.decide(text, UserPreferences.defaults(), List.of(TV)));
    }

    @Test
    void deliversToSuitableDevicesUnderTheChosenPolicy() {
        assertEquals(new TerminatingDecision.Deliver(List.of(PHONE, LAPTOP), MultiDevicePolicy.ALL),
                policy.decide(text, UserPreferences.defaults(), List.of(PHONE, TV, LAPTOP)));
        UserPreferences first = new UserPreferences(false, null, false, null, null, null, null,
                MultiDevicePolicy.FIRST_ACCEPTING, null, null);
        assertEquals(MultiDevicePolicy.FIRST_ACCEPTING,
                ((TerminatingDecision.Deliver) policy.decide(text, first, List.of(PHONE))).policy());
    }

    @Test
    void theActiveProfileOfEachDeviceDecidesItsSuitability() {
        UserPreferences p = new UserPreferences(false, null, false, null, null, null, null, null, List.of(
                new PreferenceProfile("quiet", "Quiet", false, null, null),
                new PreferenceProfile("small", "Small texts", true, 10L, List.of("text/*"))),
                Map.of("urn:uuid:phone", "quiet", "urn:uuid:laptop", "small"));
        assertEquals(new TerminatingDecision.Defer(DeferReason.NO_SUITABLE_CLIENT),
                policy.decide(text, p, List.of(PHONE, LAPTOP))); // 12 bytes > 10
        MessageFacts shortText = new MessageFacts(ALICE, false, false, "text/plain", 5);
        assertEquals(List.of(LAPTOP), ((TerminatingDecision.Deliver) policy.decide(shortText, p,
                List.of(PHONE, LAPTOP))).devices());
        MessageFacts image = new MessageFacts(ALICE, false, false, "image/png", 5);
        assertEquals(new TerminatingDecision.Defer(DeferReason.NO_SUITABLE_CLIENT),
                policy.decide(image, p, List.of(PHONE, LAPTOP)));
    }

    @Test
    void notificationsIgnoreMessageHandlingAndProfilesButNotDoNotDisturb() {
        MessageFacts imdn = new MessageFacts(ALICE, false, true, "message/imdn+xml", 300);
        UserPreferences store = new UserPreferences(false, null, false, MessageHandling.STORE, null, null, null, null,
                List.of(new PreferenceProfile("quiet", "Quiet", false, null, null)), Map.of("urn:uuid:phone", "quiet"));
        assertEquals(new TerminatingDecision.Deliver(List.of(PHONE), MultiDevicePolicy.ALL),
                policy.decide(imdn, store, List.of(PHONE)));
        assertEquals(new TerminatingDecision.Defer(DeferReason.DO_NOT_DISTURB),
                policy.decide(imdn, prefs(true, List.of(), false, null, null), List.of(PHONE)));
    }
}
