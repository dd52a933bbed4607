package org.opencpm.sip.logging;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.SipStack;

/**
 * Message trace of the stack on the {@code org.opencpm.sip.trace} category at FINE: first line and peers only,
 * never bodies (they hold users' messages).
 */
public final class JulServerLogger implements ServerLogger {

    private static final Logger LOG = Logger.getLogger("org.opencpm.sip.trace");

    @Override public void closeLogFile() { }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        trace(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        trace(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        trace(message, from, to, sender);
    }

    @Override public void logException(Exception ex) { LOG.log(Level.FINE, ex.getMessage(), ex); }
    @Override public void setStackProperties(Properties properties) { }
    @Override public void setSipStack(SipStack sipStack) { }

    private static void trace(SIPMessage message, String from, String to, boolean sender) {
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine((sender ? "sent " : "received ") + message.getFirstLine().trim() + " " + from + " -> " + to
                    + " Call-ID " + message.getCallId().getCallId());
        }
    }
}
