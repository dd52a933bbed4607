package org.opencpm.sip.api;

import java.util.List;

/**
 * What an application gets from the SIP connector: the factory, the timers, and what the stack listens on.
 * In WildFly it comes from the resource adapter's connection factory ({@code java:/eis/sip}); in tests from the
 * embedded container.
 */
public interface SipConnector {

    SipFactory getSipFactory();

    TimerService getTimerService();

    /** Listening points as {@code transport host:port}, e.g. {@code UDP 127.0.0.1:5060}. */
    List<String> getListeningPoints();
}
