package org.opencpm.msrp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderValuesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "1-25/25 | 1 | 25 | 25",
        "1-*/* | 1 | -1 | -1",
        "1-*/50 | 1 | -1 | 50",
        "5-8/8 | 5 | 8 | 8",
        "1-0/0 | 1 | 0 | 0",
        "26-25/25 | 26 | 25 | 25",
        "1025-2048/* | 1025 | 2048 | -1",
        "1-999999999999999999/999999999999999999 | 1 | 999999999999999999 | 999999999999999999",
    })
    void byteRangesOfSection9(String text, long start, long end, long total) {
        ByteRange range = ByteRange.parse(text);
        assertEquals(new ByteRange(start, end, total), range);
        assertEquals(text, range.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a-25/25 | MSRP Byte-Range malformed",
        "1-2x/25 | MSRP Byte-Range malformed",
        "1 - 25/25 | MSRP Byte-Range malformed",
        "*-25/25 | MSRP Byte-Range malformed",
        "1-25 | MSRP Byte-Range malformed",
        "1/25-25 | MSRP Byte-Range malformed",
        "-1-25/25 | MSRP Byte-Range malformed",
        "1-25/ | MSRP Byte-Range malformed",
        "1-1000000000000000000/* | MSRP Byte-Range malformed",
        "0-25/25 | MSRP Byte-Range inconsistent",
        "5-3/10 | MSRP Byte-Range inconsistent",
        "1-26/25 | MSRP Byte-Range inconsistent",
        "27-*/25 | MSRP Byte-Range inconsistent",
    })
    void malformedByteRanges(String text, String reason) {
        MsrpProtocolException e = assertThrows(MsrpProtocolException.class, () -> ByteRange.parse(text));
        assertEquals(reason, e.getMessage());
        assertEquals(MsrpStatus.BAD_REQUEST, e.status());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "000 200 OK | 0 | 200 | OK",
        "000 413 413 | 0 | 413 | 413",
        "000 408 | 0 | 408 | ''",
        "001 200 Fine by me | 1 | 200 | Fine by me",
    })
    void statusHeaders(String text, int namespace, int code, String reason) {
        ReportStatus status = ReportStatus.parse(text);
        assertEquals(new ReportStatus(namespace, code, reason), status);
        assertEquals(text, status.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"200 OK", "000 20 OK", "000 200OK", "00a 200 OK", "0000 200 OK", "000  200"})
    void malformedStatusHeaders(String text) {
        assertEquals("MSRP Status malformed",
                assertThrows(MsrpProtocolException.class, () -> ReportStatus.parse(text)).getMessage());
    }

    @Test
    void statusOfAKnownCode() {
        assertEquals("000 200 OK", ReportStatus.of(MsrpStatus.OK).toString());
        assertTrue(ReportStatus.of(MsrpStatus.OK).isSuccess());
        assertFalse(ReportStatus.of(MsrpStatus.MESSAGE_TOO_LARGE).isSuccess());
        assertFalse(new ReportStatus(1, 200, "").isSuccess());
        assertEquals(Optional.of(MsrpStatus.SESSION_DOES_NOT_EXIST), MsrpStatus.of(481));
        assertEquals(Optional.empty(), MsrpStatus.of(299));
    }

    @Test
    void reportHeadersDefaultAsTheRfcSays() {
        MsrpHeaders bare = paths().build();
        assertEquals(SuccessReport.NO, bare.successReport());
        assertEquals(FailureReport.YES, bare.failureReport());
        assertEquals(FailureReport.PARTIAL, FailureReport.parse("Partial"));
        assertEquals(SuccessReport.YES, SuccessReport.parse("YES"));
        assertEquals("MSRP Failure-Report malformed",
                assertThrows(MsrpProtocolException.class, () -> FailureReport.parse("maybe")).getMessage());
        assertEquals("MSRP Success-Report malformed",
                assertThrows(MsrpProtocolException.class, () -> SuccessReport.parse("partial")).getMessage());
    }

    @Test
    void headersGoOutPathsFirstAndContentLast() {
        MsrpHeaders headers = paths()
                .contentType("message/cpim")
                .header("Content-Disposition", "render")
                .header("Expires", "900")
                .byteRange(ByteRange.whole(3))
                .messageId("4564dpWd")
                .failureReport(FailureReport.PARTIAL)
                .build();
        assertEquals(String.join("\r\n",
                "To-Path: msrp://bob.example.com:8888/9di4eae923wzd;tcp",
                "From-Path: msrp://alicepc.example.com:7777/iau39soe2843z;tcp",
                "Message-ID: 4564dpWd",
                "Byte-Range: 1-3/3",
                "Failure-Report: partial",
                "Expires: 900",
                "Content-Disposition: render",
                "Content-Type: message/cpim"), headers.toString());
        assertEquals(Optional.of("render"), headers.header("content-disposition"));
        assertEquals(headers, MsrpHeaders.builder(headers).build());
    }

    @Test
    void builderRefusesWhatTheParserWould() {
        assertEquals("MSRP frame missing To-Path", assertThrows(MsrpProtocolException.class,
                () -> MsrpHeaders.builder().fromPath(List.of(uri("msrp://a:1/s;tcp"))).build()).getMessage());
        assertEquals("MSRP frame missing From-Path", assertThrows(MsrpProtocolException.class,
                () -> MsrpHeaders.builder().toPath(List.of(uri("msrp://a:1/s;tcp"))).build()).getMessage());
        assertEquals("MSRP Message-ID malformed",
                assertThrows(MsrpProtocolException.class, () -> paths().messageId("abc")).getMessage());
        assertEquals("MSRP Content-Type malformed",
                assertThrows(MsrpProtocolException.class, () -> paths().contentType("text")).getMessage());
        assertEquals("MSRP header name malformed",
                assertThrows(MsrpProtocolException.class, () -> paths().header("1x", "y")).getMessage());
        assertEquals("MSRP header X-A has a control character",
                assertThrows(MsrpProtocolException.class, () -> paths().header("X-A", "a\rb")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> paths().header("byte-range", "1-1/1"));
        assertThrows(IllegalArgumentException.class, () -> paths().toPath(List.of()));
    }

    static MsrpHeaders.Builder paths() {
        return MsrpHeaders.builder()
                .toPath(List.of(uri("msrp://bob.example.com:8888/9di4eae923wzd;tcp")))
                .fromPath(List.of(uri("msrp://alicepc.example.com:7777/iau39soe2843z;tcp")));
    }

    static MsrpUri uri(String text) {
        return MsrpUri.parse(text);
    }
}
