package org.opencpm.rest.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    private static final List<String> LISTENING = List.of("UDP 127.0.0.1:5060", "TCP 127.0.0.1:5060");

    @Test
    void upWhenSipListensAndTheDatabaseAnswers() throws Exception {
        HealthReport report = HealthReport.of(LISTENING, true);

        assertEquals(Status.UP, report.status());
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertEquals("{\"database\":{\"status\":\"UP\"},\"sip\":{\"listeningPoints\":[\"UDP 127.0.0.1:5060\","
                    + "\"TCP 127.0.0.1:5060\"],\"status\":\"UP\"},\"status\":\"UP\"}", jsonb.toJson(report));
        }
    }

    @Test
    void downWithoutListeningPoints() {
        HealthReport report = HealthReport.of(List.of(), true);

        assertEquals(Status.DOWN, report.status());
        assertEquals(Status.DOWN, report.sip().status());
        assertEquals(Status.UP, report.database().status());
    }

    @Test
    void downWithoutDatabase() {
        HealthReport report = HealthReport.of(LISTENING, false);

        assertEquals(Status.DOWN, report.status());
        assertEquals(Status.UP, report.sip().status());
        assertEquals(Status.DOWN, report.database().status());
    }
}
