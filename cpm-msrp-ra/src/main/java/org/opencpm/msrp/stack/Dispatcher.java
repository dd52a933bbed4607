package org.opencpm.msrp.stack;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.logging.Logger;
import org.opencpm.msrp.codec.EndFlag;
import org.opencpm.msrp.codec.FrameHandler;
import org.opencpm.msrp.codec.MsrpFrame;
import org.opencpm.msrp.codec.MsrpHeaders;
import org.opencpm.msrp.codec.MsrpProtocolException;
import org.opencpm.msrp.codec.MsrpRequest;
import org.opencpm.msrp.codec.MsrpResponse;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.codec.MsrpUri;
import org.opencpm.msrp.connection.MsrpConnection;
import org.opencpm.msrp.report.Replies;
import org.opencpm.msrp.report.ReportRules;
import org.opencpm.msrp.session.BodyTarget;
import org.opencpm.msrp.session.Frames;
import org.opencpm.msrp.session.SessionImpl;

/**
 * Routes what one connection reads: responses to their transactions, requests to the session their To-Path names
 * (RFC 4975 sec 7.3), bodies to where that session sends them. Answers itself what no session can: 481 for a
 * session not known here, 506 for one bound to another connection, 501 for a method other than SEND and REPORT,
 * and the parser's refusals (400, 413). Runs on the connection's reader thread only.
 */
final class Dispatcher implements FrameHandler {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    private final MsrpStack stack;
    private final MsrpConnection connection;
    private BodyTarget target = BodyTarget.DISCARD;

    Dispatcher(MsrpStack stack, MsrpConnection connection) {
        this.stack = stack;
        this.connection = connection;
    }

    @Override
    public void onFrame(MsrpFrame frame, boolean hasBody) {
        target = BodyTarget.DISCARD;
        if (frame instanceof MsrpResponse) {
            stack.transactions().responded((MsrpResponse) frame, connection);
            return;
        }
        MsrpRequest request = (MsrpRequest) frame;
        SessionImpl session = stack.sessionFor(request.headers().toPath());
        if (session == null) {
            answer(request, MsrpStatus.SESSION_DOES_NOT_EXIST);
            return;
        }
        MsrpStatus bound = session.bind(connection, request.headers().fromPath());
        if (bound != MsrpStatus.OK) {
            answer(request, bound);
        } else if (request.isSend() && hasBody) {
            target = session.inbound().send(request);
        } else if (request.isSend()) {
            // RFC 4975 sec 5.4: a SEND without body binds the session to the connection, or keeps it alive.
            session.respond(request, MsrpStatus.OK);
        } else if (request.isReport()) {
            session.inbound().report(request);
        } else {
            answer(request, MsrpStatus.METHOD_NOT_IMPLEMENTED);
        }
    }

    @Override
    public void onBody(ByteBuffer piece) {
        target.body(piece);
    }

    @Override
    public void onEnd(EndFlag flag) {
        BodyTarget done = target;
        target = BodyTarget.DISCARD;
        done.end(flag);
    }

    @Override
    public void onRejected(MsrpProtocolException reason) {
        target.abort();
        target = BodyTarget.DISCARD;
        if (!reason.answerable()) {
            return;
        }
        List<MsrpUri> to = reason.toPath().orElse(null);
        List<MsrpUri> from = reason.fromPath().orElse(null);
        if (to == null || from == null) {
            // RFC 4975 sec 7.2: a response goes to the first URI of the From-Path; without it, nowhere.
            LOG.fine(() -> connection + ": refused frame left unanswered, no paths: " + reason.getMessage());
            return;
        }
        connection.sendControl(Frames.encode(new MsrpResponse(reason.transactionId().orElseThrow(),
                reason.status().code(), reason.getMessage(),
                MsrpHeaders.builder().toPath(List.of(from.get(0))).fromPath(List.of(to.get(0))).build())));
    }

    private void answer(MsrpRequest request, MsrpStatus status) {
        if (ReportRules.answers(request, status.code())) {
            connection.sendControl(Frames.encode(Replies.response(request, status)));
        }
    }
}
