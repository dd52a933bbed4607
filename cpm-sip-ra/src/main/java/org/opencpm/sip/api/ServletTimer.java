package org.opencpm.sip.api;

import java.io.Serializable;

public interface ServletTimer {

    String getId();

    SipApplicationSession getApplicationSession();

    Serializable getInfo();

    void cancel();
}
