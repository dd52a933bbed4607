package org.opencpm.testsupport;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction synchronization registry whose transaction the test ends: {@link #commit()} or {@link #rollback()}
 * run the registered synchronizations as the transaction manager would.
 */
public final class ManualTransactions implements TransactionSynchronizationRegistry {

    private final List<Synchronization> synchronizations = new ArrayList<>();

    public void commit() {
        List<Synchronization> registered = List.copyOf(synchronizations);
        registered.forEach(Synchronization::beforeCompletion);
        end(registered, Status.STATUS_COMMITTED);
    }

    public void rollback() {
        end(List.copyOf(synchronizations), Status.STATUS_ROLLEDBACK);
    }

    private void end(List<Synchronization> registered, int status) {
        synchronizations.clear();
        registered.forEach(s -> s.afterCompletion(status));
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() {
        return Status.STATUS_ACTIVE;
    }

    @Override
    public Object getTransactionKey() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void putResource(Object key, Object value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getResource(Object key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setRollbackOnly() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean getRollbackOnly() {
        throw new UnsupportedOperationException();
    }
}
