package org.opencpm.rest.deferral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/plain; charset=UTF-8", "Text/Plain;charset=\"utf-8\"", "message/cpim",
            "application/im-iscomposing+xml", "message/imdn+xml"})
    void textualTypesAreText(String contentType) {
        assertEquals(new BodyText("Grüße ✓", false),
                BodyText.of(contentType, "Grüße ✓".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theCharsetParameterIsHonoured() {
        assertEquals(new BodyText("Grüße", false),
                BodyText.of("text/plain; format=flowed; charset=ISO-8859-1",
                        "Grüße".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/octet-stream", "image/png", "application/vnd.gsma.rcs-ft-http",
            "text/plain; charset=x-no-such-charset", ""})
    void otherTypesAreBase64(String contentType) {
        byte[] body = {0, 1, 2, (byte) 0xff};

        assertEquals(new BodyText(Base64.getEncoder().encodeToString(body), true), BodyText.of(contentType, body));
    }

    @Test
    void bytesThatAreNotTextInTheirCharsetAreBase64() {
        byte[] latin1 = "Grüße".getBytes(StandardCharsets.ISO_8859_1);

        assertEquals(new BodyText(Base64.getEncoder().encodeToString(latin1), true),
                BodyText.of("text/plain", latin1));
    }
}
