package org.opencpm.msrp.codec;

/**
 * What RFC 4975 asks of a whole frame beyond the syntax of each header; the parser applies it to what arrives and
 * the writer to what it sends, so that everything written would also be read.
 */
final class FrameRules {

    private FrameRules() {
    }

    /** @throws MsrpProtocolException (400) saying which rule the frame breaks */
    static void check(MsrpFrame frame, boolean hasBody) {
        if (frame instanceof MsrpResponse) {
            // RFC 4975 sec 9: msrp-response = resp-start headers end-line, never content.
            if (hasBody) {
                throw MsrpProtocolException.badRequest("MSRP response with a body");
            }
            return;
        }
        MsrpRequest request = (MsrpRequest) frame;
        MsrpHeaders headers = request.headers();
        // RFC 4975 sec 9: content-stuff always has a Content-Type.
        if (hasBody && headers.contentType().isEmpty()) {
            throw MsrpProtocolException.badRequest("MSRP request with a body but no Content-Type");
        }
        // RFC 4975 sec 7.1.1 and 7.1.2: SEND and REPORT name their message.
        if ((request.isSend() || request.isReport()) && headers.messageId().isEmpty()) {
            throw MsrpProtocolException.badRequest("MSRP " + request.method() + " missing Message-ID");
        }
        if (request.isReport() && headers.status().isEmpty()) {
            throw MsrpProtocolException.badRequest("MSRP REPORT missing Status");
        }
    }
}
