package org.opencpm.sip.logging;

import gov.nist.core.StackLogger;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/** JAIN-SIP {@link StackLogger} writing to the {@code gov.nist.javax.sip} java.util.logging category. */
public final class JulStackLogger implements StackLogger {

    private static final Logger LOG = Logger.getLogger("gov.nist.javax.sip");
    private volatile boolean enabled = true;

    @Override public void logStackTrace() { logStackTrace(TRACE_DEBUG); }
    @Override public void logStackTrace(int level) {
        if (isLoggingEnabled(level)) {
            LOG.log(toJul(level), "stack trace", new Throwable("stack trace"));
        }
    }
    @Override public int getLineCount() { return 0; }
    @Override public void logException(Throwable ex) { LOG.log(Level.WARNING, ex.getMessage(), ex); }
    @Override public void logDebug(String message) { LOG.fine(message); }
    @Override public void logDebug(String message, Exception ex) { LOG.log(Level.FINE, message, ex); }
    @Override public void logTrace(String message) { LOG.finest(message); }
    @Override public void logFatalError(String message) { LOG.severe(message); }
    @Override public void logError(String message) { LOG.severe(message); }
    @Override public boolean isLoggingEnabled() { return enabled; }
    @Override public boolean isLoggingEnabled(int level) { return enabled && LOG.isLoggable(toJul(level)); }
    @Override public void logError(String message, Exception ex) { LOG.log(Level.SEVERE, message, ex); }
    @Override public void logWarning(String message) {
        // Every stack start warns about TLS key and trust store defaults; OpenCPM opens no TLS transport.
        LOG.log(isTlsDefaultsNotice(message) ? Level.FINE : Level.WARNING, message);
    }
    // The stack's "info" is start-up chatter (timer started, thread priority): operators see it at FINE.
    @Override public void logInfo(String message) { LOG.fine(message); }
    @Override public void disableLogging() { enabled = false; }
    @Override public void enableLogging() { enabled = true; }
    @Override public void setBuildTimeStamp(String buildTimeStamp) { }
    @Override public void setStackProperties(Properties properties) { }
    @Override public String getLoggerName() { return LOG.getName(); }

    private static boolean isTlsDefaultsNotice(String message) {
        return message != null && (message.contains("TLS") || message.contains("keystore")
                || message.contains("truststore") || message.contains("tls security policy"));
    }

    private static Level toJul(int level) {
        if (level <= TRACE_FATAL) {
            return Level.SEVERE;
        } else if (level <= TRACE_ERROR) {
            return Level.SEVERE;
        } else if (level <= TRACE_WARN) {
            return Level.WARNING;
        } else if (level <= TRACE_INFO) {
            return Level.INFO;
        } else if (level <= TRACE_DEBUG) {
            return Level.FINE;
        }
        return Level.FINEST;
    }
}
