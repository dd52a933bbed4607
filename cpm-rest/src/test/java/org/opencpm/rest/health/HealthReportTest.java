package org.opencpm.rest.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    private static final List<String> LISTENING = List.of("UDP 127.0.0.1:5060", "TCP 127.0.0.1:5060");
    private static final HealthReport.Msrp MSRP = new HealthReport.Msrp(Status.UP, "127.0.0.1:2855", 2, 1, 0);

    @Test
    void anMsrpConnectorThatCannotBeAskedMakesTheServerDown() {
        HealthReport report = HealthReport.of(LISTENING, HealthReport.Msrp.down(), true);
        assertEquals(Status.DOWN, report.status());
        assertEquals(Status.DOWN, report.msrp().status());
        assertEquals(Status.UP, report.sip().status());
    }

    @Test
    void upWhenSipListensAndTheDatabaseAnswers() throws Exception {
        HealthReport report = HealthReport.of(LISTENING, MSRP, true);

        assertEquals(Status.UP, report.status());
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertEquals("{\"database\":{\"status\":\"UP\"},\"msrp\":{\"connections\":1,"
                    + "\"listening\":\"127.0.0.1:2855\",\"queuedBytes\":0,\"sessions\":2,\"status\":\"UP\"},\"sip\":{\"listeningPoints\":[\"UDP 127.0.0.1:5060\","
                    + "\"TCP 127.0.0.1:5060\"],\"status\":\"UP\"},\"status\":\"UP\"}", jsonb.toJson(report));
        }
    }

    @Test
    void downWithoutListeningPoints() {
        HealthReport report = HealthReport.of(List.of(), MSRP, true);

        assertEquals(Status.DOWN, report.status());
        assertEquals(Status.DOWN, report.sip().status());
        assertEquals(Status.UP, report.database().status());
    }

    @Test
    void downWithoutDatabase() {
        HealthReport report = HealthReport.of(LISTENING, MSRP, false);

        assertEquals(Status.DOWN, report.status());
        assertEquals(Status.UP, report.sip().status());
        assertEquals(Status.DOWN, report.database().status());
    }
}
