package org.opencpm.recording;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.opencpm.messagestore.MessageStoreAccess;
import org.opencpm.messagestore.SerialPasses;
import org.opencpm.storage.recording.RecordingEntry;

/**
 * Runs {@link RecordingUploads} in WildFly: right after a recording commits (off the SIP thread that recorded), at
 * start (what waited while the store or this server was down), and every {@code opencpm.recording.retry}. One pass
 * at a time; a pass asked for while one runs makes it go round once more. Every minute it also settles the temporary
 * objects whose time is up and does the outbox's housekeeping.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RecordingUploader {

    private static final Logger LOG = Logger.getLogger(RecordingUploader.class.getName());
    private static final int BATCH = 200;
    private static final long HOUSEKEEPING_MS = 60_000;

    @Inject
    RecordingOutbox outbox;

    @Inject
    MessageStoreAccess store;

    @Inject
    RecordingPolicy policy;

    @Resource
    TimerService timers;

    @Resource
    SessionContext context;

    private final SerialPasses passes = new SerialPasses(LOG, "Recording: upload pass");
    private volatile RecordingUploads uploads;
    private volatile long lastHousekeeping;
    private volatile long storeFailedAt = System.nanoTime() - Long.MAX_VALUE / 2;

    @PostConstruct
    void start() {
        if (store.writer().isEmpty()) {
            LOG.info("Recording: off (" + store.whyOff() + ")");
            return;
        }
        uploads = new RecordingUploads(outbox, store.writer().get(), policy);
        timers.createIntervalTimer(1000, policy.retry().toMillis(), new TimerConfig("recording-upload", false));
        LOG.info("Recording: uploads into the message store at " + store.describe() + ", retried every "
                + policy.retry() + "; " + outbox.waiting() + " recording(s) waiting");
    }

    /**
     * A recording committed: upload it now, off the committing thread; unless the store failed the last pass, in which
     * case the timer tries again after the retry time (a burst during an outage would otherwise try once per message).
     * While a pass runs, it takes the recording on its next round: no asynchronous call per recording in a burst.
     */
    public void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordingQueued queued) {
        if (uploads != null && System.nanoTime() - storeFailedAt > policy.retry().toNanos()
                && !passes.againIfRunning()) {
            context.getBusinessObject(RecordingUploader.class).uploadSoon();
        }
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void uploadSoon() {
        upload();
    }

    /** Starts a pass on the asynchronous pool: a long pass (a backlog) must not hold the timer's thread. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer() {
        if (!passes.running()) {
            context.getBusinessObject(RecordingUploader.class).uploadSoon();
        }
    }

    /** Uploads everything due; returns at once when another pass runs (which then goes round again). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void upload() {
        RecordingUploads u = uploads;
        if (u == null) {
            return;
        }
        passes.run(() -> {
            RecordingUploads.Pass pass;
            do {
                pass = u.upload(BATCH);
            } while (pass.due() == BATCH && !pass.storeFailed());
            if (pass.storeFailed()) {
                storeFailedAt = System.nanoTime();
            }
            if (System.currentTimeMillis() - lastHousekeeping > HOUSEKEEPING_MS && !pass.storeFailed()) {
                lastHousekeeping = System.currentTimeMillis();
                u.settleTemporaries(BATCH);
                for (RecordingEntry dropped : outbox.housekeeping(BATCH)) {
                    LOG.severe(() -> "Recording: given up after " + policy.giveUp() + ": " + dropped.getObjectKind()
                            + " " + dropped.getMessageId() + " for " + dropped.getOwner() + " (folder "
                            + dropped.getFolder() + ", " + dropped.getAttempts() + " attempts, last error: "
                            + dropped.getLastError() + ")");
                }
            }
        });
    }
}
