package org.opencpm.messagestore.accounts;

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
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpm.messagestore.SerialPasses;
import org.opencpm.storage.cms.StoreAccountChange;

/**
 * Applies the outbox to James: right after a change commits, at start (what changed while the store or this
 * server was down), and every {@code opencpm.cms.retry} while changes are left. One pass at a time; a pass asked
 * for while one runs makes it go round once more. A change is deleted only once James has taken it; a refused or
 * unreachable store leaves it for the next pass, with the error recorded on the row and logged (a warning on the
 * first failure of a change and every 40th after, so a store that is off does not flood the log).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StoreAccountSync {

    private static final Logger LOG = Logger.getLogger(StoreAccountSync.class.getName());
    private static final int BATCH = 100;

    @Inject
    StoreAccountOutbox outbox;

    @Inject
    MessageStoreSettingsHolder settings;

    @Resource
    TimerService timers;

    @Resource
    SessionContext context;

    private final SerialPasses passes = new SerialPasses(LOG, "Message store accounts: pass");
    private volatile JamesWebAdmin james;

    @PostConstruct
    void start() {
        MessageStoreSettings s = settings.get();
        if (!s.enabled()) {
            LOG.info("Message store accounts: off (" + MessageStoreSettings.ENABLED + "=false)");
            return;
        }
        james = new JamesWebAdmin(s.webAdmin());
        long every = s.retry().toMillis();
        timers.createIntervalTimer(1000, every, new TimerConfig("store-account-sync", false));
        LOG.info("Message store accounts: kept in James at " + s.webAdmin() + ", retried every " + s.retry());
    }

    /** A change committed: apply it now, off the committing thread. */
    public void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoreAccountsChanged change) {
        context.getBusinessObject(StoreAccountSync.class).syncSoon();
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void syncSoon() {
        sync();
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer() {
        sync();
    }

    /** Applies every due change; returns without waiting when another pass is running (which then goes again). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sync() {
        JamesWebAdmin store = james;
        if (store == null) {
            return;
        }
        passes.run(() -> pass(store));
    }

    private void pass(JamesWebAdmin store) {
        List<StoreAccountChange> due = outbox.due(BATCH);
        for (StoreAccountChange change : due) {
            try {
                if (change.isPresent()) {
                    store.ensureUser(change.getLogin(), change.getPassword());
                } else {
                    store.removeUser(change.getLogin());
                }
                outbox.applied(change);
                LOG.fine(() -> "Message store accounts: " + (change.isPresent() ? "kept " : "removed ")
                        + change.getLogin());
            } catch (IOException e) {
                int attempt = change.getAttempts() + 1;
                outbox.failed(change, e.getMessage());
                Level level = attempt == 1 || attempt % 40 == 0 ? Level.WARNING : Level.FINE;
                LOG.log(level, () -> "Message store accounts: " + change.getLogin() + " not yet "
                        + (change.isPresent() ? "created/updated" : "removed") + " in James (attempt " + attempt
                        + ", will retry): " + e.getMessage());
                if (e.getCause() instanceof java.net.ConnectException) {
                    return; // the store is not there: the rest would fail the same way
                }
            }
        }
        if (due.size() == BATCH) {
            passes.again();
        }
    }
}
