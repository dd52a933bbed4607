package org.opencpm.storage;

import java.sql.SQLException;

/** Tells a refused insert (a unique or primary key taken by another transaction) from other persistence failures. */
public final class IntegrityViolations {

    private IntegrityViolations() {
    }

    /** Whether {@code failure} was caused by SQLSTATE class 23, "integrity constraint violation" in every dialect. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
