package org.opencpm.storage.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserAccountTest {

    @Test
    void newAccountKeepsOnlyTheHashesOfThePassword() {
        UserAccount account = new UserAccount("sip:Mufasa@host.com", "Mufasa", "testrealm@host.com",
                "Circle Of Life");

        assertEquals("939e7578ed9e3c518a452acee763bce9", account.getHa1Md5());
        assertEquals(DigestHashes.ha1Sha256("Mufasa", "testrealm@host.com", "Circle Of Life"),
                account.getHa1Sha256());
        assertEquals(account.getCreatedAt(), account.getUpdatedAt());
    }

    @Test
    void changePasswordRehashesWithTheOriginalRealm() throws InterruptedException {
        UserAccount account = new UserAccount("sip:alice@opencpm.test", "alice", "opencpm.test", "old-secret");
        Thread.sleep(2);

        account.changePassword("new-secret");

        assertEquals(DigestHashes.ha1Md5("alice", "opencpm.test", "new-secret"), account.getHa1Md5());
        assertEquals(DigestHashes.ha1Sha256("alice", "opencpm.test", "new-secret"), account.getHa1Sha256());
        assertTrue(account.getUpdatedAt().isAfter(account.getCreatedAt()));
        assertNotEquals(DigestHashes.ha1Md5("alice", "opencpm.test", "old-secret"), account.getHa1Md5());
    }

    @Test
    void timestampsHaveMillisecondPrecision() {
        UserAccount account = new UserAccount("sip:alice@opencpm.test", "alice", "opencpm.test", "secret-1");

        assertEquals(0, account.getCreatedAt().getNano() % 1_000_000);
        assertFalse(account.getUpdatedAt().isBefore(account.getCreatedAt()));
    }
}
