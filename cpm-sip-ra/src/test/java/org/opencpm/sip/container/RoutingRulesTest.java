package org.opencpm.sip.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import javax.sip.SipFactory;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {

    private static final String RULES = """
            # method user host feature servlet
            REGISTER * * * registrar
            MESSAGE * ${cpm.domain:opencpm.test} urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.largemsg lmm
            MESSAGE * ${cpm.domain:opencpm.test} * participating
            INVITE conf * * controlling
            """;

    private static Request request(String method, String uri, String... extra) throws Exception {
        var f = SipFactory.getInstance();
        StringBuilder text = new StringBuilder(method + " " + uri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\nFrom: <sip:a@x>;tag=1\r\nTo: <sip:b@x>\r\n"
                + "Call-ID: c1\r\nCSeq: 1 " + method + "\r\nMax-Forwards: 70\r\n");
        for (String h : extra) {
            text.append(h).append("\r\n");
        }
        text.append("Content-Length: 0\r\n\r\n");
        return f.createMessageFactory().createRequest(text.toString());
    }

    @Test
    void firstMatchingRuleWins() throws Exception {
        RoutingRules rules = RoutingRules.parse(RULES, new Properties());
        assertEquals("registrar", rules.route(request("REGISTER", "sip:opencpm.test")).orElseThrow().servlet());
        assertEquals("participating", rules.route(request("MESSAGE", "sip:bob@opencpm.test")).orElseThrow().servlet());
        assertEquals("lmm", rules.route(request("MESSAGE", "sip:bob@OpenCPM.test",
                "Accept-Contact: *;+g.3gpp.icsi-ref=\"urn%3Aurn-7%3A3gpp-service.ims.icsi.oma.cpm.largemsg\""))
                .orElseThrow().servlet());
        assertEquals("controlling", rules.route(request("INVITE", "sip:conf@anywhere")).orElseThrow().servlet());
    }

    @Test
    void nothingMatchesOtherDomainsOrMethods() throws Exception {
        RoutingRules rules = RoutingRules.parse(RULES, new Properties());
        assertTrue(rules.route(request("MESSAGE", "sip:bob@elsewhere.test")).isEmpty());
        assertTrue(rules.route(request("INVITE", "sip:bob@opencpm.test")).isEmpty());
        assertTrue(rules.route(request("MESSAGE", "tel:+15551234")).isEmpty());
    }

    @Test
    void propertiesReplacePlaceholders() throws Exception {
        Properties p = new Properties();
        p.setProperty("cpm.domain", "example.org");
        RoutingRules rules = RoutingRules.parse(RULES, p);
        assertEquals("participating", rules.route(request("MESSAGE", "sip:bob@example.org")).orElseThrow().servlet());
        assertTrue(rules.route(request("MESSAGE", "sip:bob@opencpm.test")).isEmpty());
    }

    @Test
    void badRulesAreRefusedWithTheLine() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> RoutingRules.parse("REGISTER * *\n", new Properties()));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        var unset = assertThrows(IllegalArgumentException.class,
                () -> RoutingRules.parse("MESSAGE * ${nope} * x\n", new Properties()));
        assertTrue(unset.getMessage().contains("nope"));
        assertEquals(List.of(), RoutingRules.parse("# only a comment\n\n", new Properties()).rules());
    }
}
