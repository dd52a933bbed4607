package org.opencpm.sip.container;

import java.io.Serializable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.opencpm.sip.api.ServletTimer;
import org.opencpm.sip.api.SipApplicationSession;
import org.opencpm.sip.api.TimerService;

final class TimerServiceImpl implements TimerService {

    private final SipContainer container;

    TimerServiceImpl(SipContainer container) {
        this.container = container;
    }

    @Override
    public ServletTimer createTimer(SipApplicationSession appSession, String servletName, long delayMillis,
                                    Serializable info) {
        AppSessionImpl app = (AppSessionImpl) appSession;
        TimerImpl timer = new TimerImpl(container.newId(), app, servletName, info, container.applicationOf(app));
        timer.future = container.scheduler().schedule(() -> container.dispatchTimeout(timer), delayMillis,
                TimeUnit.MILLISECONDS);
        return timer;
    }

    static final class TimerImpl implements ServletTimer {
        private final String id;
        private final AppSessionImpl appSession;
        private final String servletName;
        private final Serializable info;
        private final Application application;
        private volatile ScheduledFuture<?> future;

        TimerImpl(String id, AppSessionImpl appSession, String servletName, Serializable info, Application application) {
            this.id = id;
            this.appSession = appSession;
            this.servletName = servletName;
            this.info = info;
            this.application = application;
        }

        AppSessionImpl appSession() { return appSession; }
        String servletName() { return servletName; }
        Application application() { return application; }

        @Override public String getId() { return id; }
        @Override public SipApplicationSession getApplicationSession() { return appSession; }
        @Override public Serializable getInfo() { return info; }
        @Override public void cancel() {
            ScheduledFuture<?> f = future;
            if (f != null) {
                f.cancel(false);
            }
        }
    }
}
