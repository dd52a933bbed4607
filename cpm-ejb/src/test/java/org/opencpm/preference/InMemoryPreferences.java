package org.opencpm.preference;

import jakarta.transaction.TransactionSynchronizationRegistry;
import org.opencpm.storage.preference.InMemoryPreferenceDocumentRepository;
import org.opencpm.storage.user.UserAccountRepository;
import org.opencpm.user.HomeDomain;

/** A {@link PreferenceService} on in-memory storage without listeners, for the tests of other packages. */
public final class InMemoryPreferences {

    private InMemoryPreferences() {
    }

    public static PreferenceService service(UserAccountRepository accounts, HomeDomain domain,
                                            TransactionSynchronizationRegistry transactions) {
        return new PreferenceService(new InMemoryPreferenceDocumentRepository(), accounts, domain,
                new PreferenceListeners(), transactions);
    }
}
