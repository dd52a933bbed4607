package org.opencpm.messagestore.accounts;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.opencpm.storage.cms.StoreAccountChange;
import org.opencpm.storage.cms.StoreAccountChangeRepository;

/**
 * The outbox of account changes for the message store: {@link #present} and {@link #removed} write in the caller's
 * transaction (the account's), the rest serves {@link StoreAccountSync}, each call in a transaction of its own.
 */
@Stateless
@LocalBean
@Local(MessageStoreAccounts.class)
public class StoreAccountOutbox implements MessageStoreAccounts {

    @Inject
    StoreAccountChangeRepository changes;

    @Inject
    MessageStoreSettingsHolder settings;

    @Inject
    Clock clock;

    @Inject
    Event<StoreAccountsChanged> changed;

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void present(String user, String domain, String password) {
        record(user + '@' + domain, true, password);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void removed(String user, String domain) {
        record(user + '@' + domain, false, null);
    }

    private void record(String login, boolean present, String password) {
        if (!settings.get().enabled()) {
            return;
        }
        changes.record(login, present, password, clock.instant());
        changed.fire(new StoreAccountsChanged());
    }

    public List<StoreAccountChange> due(int limit) {
        return changes.due(clock.instant(), limit);
    }

    public void applied(StoreAccountChange change) {
        changes.applied(change.getLogin(), change.getRevision());
    }

    /** Counts the failure and returns when the change will be tried again. */
    public Instant failed(StoreAccountChange change, String error) {
        Instant next = clock.instant().plus(settings.get().retry());
        changes.failed(change.getLogin(), change.getRevision(), error, next);
        return next;
    }

    public long pending() {
        return changes.count();
    }
}
