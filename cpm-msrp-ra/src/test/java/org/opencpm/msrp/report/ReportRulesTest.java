package org.opencpm.msrp.report;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.EndFlag;
import org.opencpm.msrp.codec.FailureReport;
import org.opencpm.msrp.codec.FrameWriter;
import org.opencpm.msrp.codec.MsrpFrame;
import org.opencpm.msrp.codec.MsrpHeaders;
import org.opencpm.msrp.codec.MsrpRequest;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.codec.MsrpUri;
import org.opencpm.msrp.codec.ReportStatus;
import org.opencpm.msrp.codec.SuccessReport;

class ReportRulesTest {

    static final MsrpUri ALICE = MsrpUri.parse("msrp://alicepc.example.com:7777/iau39soe2843z;tcp");
    static final MsrpUri BOB = MsrpUri.parse("msrp://bob.example.com:8888/9di4eae923wzd;tcp");
    static final MsrpUri RELAY = MsrpUri.parse("msrps://relay.example.com:2855/r1;tcp");

    /** A request with the given method, Success-Report and Failure-Report ("-" for absent). */
    static MsrpRequest request(String method, String success, String failure) {
        MsrpHeaders.Builder h = MsrpHeaders.builder().toPath(List.of(BOB)).fromPath(List.of(ALICE))
                .messageId("12339sdqwer");
        if (!success.equals("-")) {
            h.successReport(SuccessReport.parse(success));
        }
        if (!failure.equals("-")) {
            h.failureReport(FailureReport.parse(failure));
        }
        if (method.equals(MsrpRequest.REPORT)) {
            h.status(ReportStatus.of(MsrpStatus.OK));
        }
        return new MsrpRequest("d93kswow", method, h.build());
    }

    @ParameterizedTest(name = "{0} Success-Report {1} Failure-Report {2}, {3}")
    @CsvSource(delimiter = '|', value = {
        // method | Success-Report | Failure-Report | code | answers | awaits response | success REPORT | failure REPORT
        "SEND   | -   | -       | 200 | true  | true  | false | false",
        "SEND   | -   | -       | 415 | true  | true  | false | true",
        "SEND   | yes | yes     | 200 | true  | true  | true  | false",
        "SEND   | yes | no      | 200 | false | false | true  | false",
        "SEND   | no  | no      | 413 | false | false | false | false",
        "SEND   | -   | partial | 200 | false | false | false | false",
        "SEND   | -   | partial | 481 | true  | false | false | true",
        "REPORT | -   | -       | 200 | false | false | false | false",
        "REPORT | -   | -       | 400 | false | false | false | false",
        "AUTH   | -   | -       | 401 | true  | true  | false | false",
        "NICKNAME | - | no      | 501 | false | false | false | false",
    })
    void followsSuccessAndFailureReport(String method, String success, String failure, int code, boolean answers,
            boolean awaits, boolean successReport, boolean failureReport) {
        MsrpRequest request = request(method, success, failure);
        assertEquals(answers, ReportRules.answers(request, code), "answers");
        assertEquals(awaits, ReportRules.awaitsResponse(request), "awaits response");
        assertEquals(successReport, ReportRules.wantsSuccessReport(request), "success REPORT");
        assertEquals(failureReport, ReportRules.wantsFailureReport(request, code), "failure REPORT");
    }

    @Test
    void answersOneHopBack() throws IOException {
        assertEquals("MSRP d93kswow 200 OK\r\n"
                + "To-Path: msrp://alicepc.example.com:7777/iau39soe2843z;tcp\r\n"
                + "From-Path: msrp://bob.example.com:8888/9di4eae923wzd;tcp\r\n"
                + "-------d93kswow$\r\n", wire(Replies.response(request("SEND", "-", "-"), MsrpStatus.OK)));
        MsrpRequest relayed = new MsrpRequest("d93kswow", MsrpRequest.SEND, MsrpHeaders.builder()
                .toPath(List.of(BOB)).fromPath(List.of(RELAY, ALICE)).messageId("m1234").build());
        assertEquals("MSRP d93kswow 413 Too big\r\n"
                + "To-Path: msrps://relay.example.com:2855/r1;tcp\r\n"
                + "From-Path: msrp://bob.example.com:8888/9di4eae923wzd;tcp\r\n"
                + "-------d93kswow$\r\n", wire(Replies.response(relayed, 413, "Too big")));
    }

    /** RFC 4975 positive report example: the REPORT on Alice's SEND of 106 bytes, byte for byte. */
    @Test
    void reportsToTheSender() throws IOException {
        MsrpRequest send = request("SEND", "yes", "no");
        MsrpRequest report = Replies.report(send, "dkei38sd", ByteRange.whole(106), ReportStatus.of(MsrpStatus.OK));
        assertEquals("MSRP dkei38sd REPORT\r\n"
                + "To-Path: msrp://alicepc.example.com:7777/iau39soe2843z;tcp\r\n"
                + "From-Path: msrp://bob.example.com:8888/9di4eae923wzd;tcp\r\n"
                + "Message-ID: 12339sdqwer\r\n"
                + "Byte-Range: 1-106/106\r\n"
                + "Status: 000 200 OK\r\n"
                + "-------dkei38sd$\r\n", wire(report));
    }

    @Test
    void reportsThroughTheRelaysTheSendCameBy() {
        MsrpRequest relayed = new MsrpRequest("d93kswow", MsrpRequest.SEND, MsrpHeaders.builder()
                .toPath(List.of(BOB)).fromPath(List.of(RELAY, ALICE)).messageId("m1234").build());
        MsrpRequest report = Replies.report(relayed, "rep12345", ByteRange.whole(3),
                ReportStatus.of(MsrpStatus.MESSAGE_TOO_LARGE));
        assertEquals(List.of(RELAY, ALICE), report.headers().toPath());
        assertEquals(List.of(BOB), report.headers().fromPath());
        assertEquals("000 413 Message Too Large", report.headers().status().orElseThrow().toString());
    }

    @Test
    void relaysMoveThemselvesFromToPathToFromPath() {
        MsrpHeaders arriving = MsrpHeaders.builder().toPath(List.of(RELAY, BOB)).fromPath(List.of(ALICE))
                .messageId("m1234").byteRange(ByteRange.whole(5)).contentType("text/plain").build();
        MsrpHeaders leaving = Replies.forwarded(arriving, RELAY);
        assertEquals(List.of(BOB), leaving.toPath());
        assertEquals(List.of(RELAY, ALICE), leaving.fromPath());
        assertEquals(arriving.byteRange(), leaving.byteRange());
        assertEquals(arriving.contentType(), leaving.contentType());
    }

    private static String wire(MsrpFrame frame) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FrameWriter(out).write(frame, EndFlag.COMPLETE);
        return out.toString(US_ASCII);
    }
}
