package org.opencpm.sipservlets.participating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpm.participating.DeliveryProgress;
import org.opencpm.participating.KeptFileTransfer;
import org.opencpm.participating.PagerModeLimits;
import org.opencpm.participating.ServiceProviderPolicy;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.preference.MultiDevicePolicy;
import org.opencpm.registrar.ActiveContact;
import org.opencpm.sip.api.ServletTimer;
import org.opencpm.sip.api.SipApplicationSession;
import org.opencpm.sip.api.SipConnector;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;

/**
 * Sends one message to a recipient's devices under a multi-device policy (OMA CPM SD 5.1.5) and tells a listener
 * how it ended. Each delivery is an application session holding the progress; each device attempt has a deadline
 * timer so a silent device counts as failed well before SIP's own 32 s.
 */
@ApplicationScoped
public class DeliveryEngine {

    static final String SERVLET = "participating";
    private static final Logger LOG = Logger.getLogger(DeliveryEngine.class.getName());
    private static final String JOB = "pf.delivery";
    private static final String DEVICE = "pf.device";

    private SipConnector sip;
    private ServiceProviderPolicy provider;
    private SessionSender sessions;

    protected DeliveryEngine() {
    }

    @Inject
    public DeliveryEngine(SipConnector sip, ServiceProviderPolicy provider, SessionSender sessions) {
        this.sip = sip;
        this.provider = provider;
        this.sessions = sessions;
    }

    /** Starts the delivery; the listener is called later, on a SIP or timer thread. */
    public void deliver(StandaloneMessage message, List<ActiveContact> devices, MultiDevicePolicy policy,
                        DeliveryListener listener) {
        SipApplicationSession app = sip.getSipFactory().createApplicationSession();
        Job job = new Job(message, devices, new DeliveryProgress(devices.size(), policy), listener);
        app.setAttribute(JOB, job);
        send(app, job, job.progress.start());
    }

    /** A response to one of the delivery requests. */
    public void onResponse(SipServletResponse response) {
        if (response.getStatus() < 200) {
            return;
        }
        SipApplicationSession app = response.getApplicationSession();
        Job job = (Job) app.getAttribute(JOB);
        Integer index = (Integer) response.getSession().getAttribute(DEVICE);
        if (job == null || index == null) {
            return;
        }
        apply(app, job, job.progress.onFinalResponse(index, response.getStatus()));
    }

    /** A device's deadline passed. */
    public void onTimeout(ServletTimer timer) {
        SipApplicationSession app = timer.getApplicationSession();
        Job job = (Job) app.getAttribute(JOB);
        if (job != null && timer.getInfo() instanceof Deadline deadline) {
            apply(app, job, job.progress.onDeadline(deadline.device()));
        }
    }

    private void apply(SipApplicationSession app, Job job, DeliveryProgress.Step step) {
        // Java 17: no pattern matching in switch yet.
        if (step instanceof DeliveryProgress.Send send) {
            send(app, job, send);
        } else if (step instanceof DeliveryProgress.Delivered) {
            job.listener.delivered();
        } else if (step instanceof DeliveryProgress.Failed failed) {
            job.listener.failed(failed.lastStatus());
        }
        if (job.progress.finished() && app.isValid()) {
            job.timers.forEach(ServletTimer::cancel);
            app.invalidate();
        }
    }

    private void send(SipApplicationSession app, Job job, DeliveryProgress.Send send) {
        for (int index : send.devices()) {
            if (PagerModeLimits.tooLargeForPagerMode(job.message.body().length)
                    || KeptFileTransfer.isKeptFile(job.message.contentType())) {
                // SD 5.2.2.1.5: over 1300 bytes a message goes in large message mode, with MSRP's own timeouts; a
                // kept file goes as a file transfer (5.2.4.7).
                sessions.send(app, job.message, job.devices.get(index).uri(),
                        status -> apply(app, job, job.progress.onFinalResponse(index, status)));
                continue;
            }
            try {
                SipServletRequest request = DeliveryRequests.create(sip.getSipFactory(), app, job.message,
                        job.devices.get(index).uri());
                request.getSession().setHandler(SERVLET); // also when sent outside a request (pushes, timers)
                request.getSession().setAttribute(DEVICE, index);
                job.timers.add(sip.getTimerService().createTimer(app, SERVLET, provider.deviceDeadline().toMillis(),
                        new Deadline(index)));
                request.send();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not send to " + job.devices.get(index).uri(), e);
                apply(app, job, job.progress.onFinalResponse(index, 500));
            }
        }
    }

    private record Deadline(int device) implements Serializable {
    }

    private static final class Job {
        final StandaloneMessage message;
        final List<ActiveContact> devices;
        final DeliveryProgress progress;
        final DeliveryListener listener;
        final List<ServletTimer> timers = new java.util.concurrent.CopyOnWriteArrayList<>();

        Job(StandaloneMessage message, List<ActiveContact> devices, DeliveryProgress progress,
            DeliveryListener listener) {
            this.message = message;
            this.devices = devices;
            this.progress = progress;
            this.listener = listener;
        }
    }
}
