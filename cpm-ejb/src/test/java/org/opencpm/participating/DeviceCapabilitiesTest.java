package org.opencpm.participating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceCapabilitiesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|true",
            "expires=3600|true",
            "+sip.instance=\"<urn:uuid:1>\";+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.msg\"|true",
            "+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.session,urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.msg\"|true",
            "+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.mmtel\"|false",
            "+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.msg.group\"|false",
            "methods=\"INVITE,BYE,MESSAGE\"|true",
            "methods=\"INVITE,BYE\"|false",
            "methods=\"INVITE;MESSAGE\"|false",
    })
    void standaloneMessagesUnlessTheContactSaysOtherwise(String params, boolean expected) {
        assertEquals(expected, DeviceCapabilities.of(params).acceptsStandaloneMessages());
    }
}
