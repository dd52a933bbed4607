package org.opencpm.sip.api;

import java.io.Serializable;

/** One-shot timers tied to an application session; they fire on the servlet that created them. */
public interface TimerService {

    ServletTimer createTimer(SipApplicationSession appSession, String servletName, long delayMillis, Serializable info);
}
