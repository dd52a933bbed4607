package org.opencpm.message.imdn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DispositionRequestTest {

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // value                                      | pos   | neg   | disp  | proc  | written back
        "positive-delivery, negative-delivery         | true  | true  | false | false | "
            + "positive-delivery, negative-delivery",
        "positive-delivery, display                   | true  | false | true  | false | positive-delivery, display",
        "display                                      | false | false | true  | false | display",
        "processing                                   | false | false | false | true  | processing",
        "\"Display,POSITIVE-Delivery\"                | true  | false | true  | false | positive-delivery, display",
        "\" \tnegative-delivery ,  processing\t\"     | false | true  | false | true  | negative-delivery, processing",
        "\"display, display\"                         | false | false | true  | false | display",
        "\"display, x-future-thing\"                  | false | false | true  | false | display",
        "x-future-thing                               | false | false | false | false | \"\"",
        "\"display;x=1, positive-delivery ; y = \"\"a, b\"\" ; z\" "
            + "                                           | true  | false | true  | false | positive-delivery, display",
        "\"display;host=[::1]\"                       | false | false | true  | false | display",
    })
    void parsesTokens(String value, boolean pos, boolean neg, boolean disp, boolean proc, String written) {
        DispositionRequest r = DispositionRequest.parse(value);
        assertEquals(pos, r.positiveDelivery());
        assertEquals(neg, r.negativeDelivery());
        assertEquals(disp, r.display());
        assertEquals(proc, r.processing());
        assertEquals(pos || neg || disp || proc, r.any());
        assertEquals(written, r.toHeaderValue());
        assertEquals(DispositionRequest.of(pos, neg, disp, proc), r);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "\t "})
    void rejectsAnEmptyValue(String value) {
        ImdnFormatException e = assertThrows(ImdnFormatException.class, () -> DispositionRequest.parse(value));
        assertEquals("IMDN Disposition-Notification is empty", e.getMessage());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {",", "display,", ", display", "display,,positive-delivery", "display positive-delivery",
        "display;", "display;=1", "display;x=", "display;x=\"open", "display/positive-delivery", "\"display\"",
        "display\r\n", "disp\u00e4y"})
    void rejectsABrokenList(String value) {
        ImdnFormatException e = assertThrows(ImdnFormatException.class, () -> DispositionRequest.parse(value));
        assertEquals("IMDN Disposition-Notification malformed", e.getMessage());
    }

    @Test
    void noneAsksForNothing() {
        DispositionRequest none = DispositionRequest.none();
        assertFalse(none.any());
        assertEquals("", none.toHeaderValue());
        assertEquals(DispositionRequest.of(false, false, false, false), none);
    }

    @Test
    void writtenValueParsesBackToTheSameRequest() {
        for (int bits = 1; bits < 16; bits++) {
            DispositionRequest r = DispositionRequest.of(
                    (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0);
            assertTrue(r.any());
            assertEquals(r, DispositionRequest.parse(r.toHeaderValue()));
        }
    }
}
