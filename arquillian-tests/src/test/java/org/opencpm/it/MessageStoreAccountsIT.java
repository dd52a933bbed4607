package org.opencpm.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpm.cms.testkit.CmsProcess;
import org.opencpm.cms.testkit.ImapTestClient;

/**
 * Users provisioned over REST exist in the message store (cpm-cms, Apache James in its own JVM, started here on the
 * ports the build reserved for it and that the server under test is told), with their SIP password as IMAP
 * password, follow its changes and are removed with it; a change made while the store is down reaches it once it
 * is up.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MessageStoreAccountsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    @Test
    void aUserCreatedOverRestWhileTheStoreIsDownAppearsInItAndLeavesWithTheAccount() throws Exception {
        String dora = TestServer.uniqueUser("dora");
        String login = dora + "@" + TestServer.DOMAIN;
        TestServer.provision(dora, "dora-first-password");

        try (CmsProcess cms = TestServer.messageStore(dora)) {
            cms.start();
            await("the account created while the store was down reaches it",
                    () -> cms.webAdmin("HEAD", "/users/" + login, null).statusCode() == 200);
            try (ImapTestClient imap = new ImapTestClient("127.0.0.1", cms.imapPort())) {
                assertTrue(imap.login(login, "dora-first-password").ok(), "the SIP password is the IMAP password");
                assertTrue(imap.append("INBOX", null, "Subject: stored\r\n\r\nkept\r\n").ok());
            }

            String path = "/users/" + URLEncoder.encode("sip:" + login, StandardCharsets.UTF_8);
            assertEquals(204, TestServer.send("PUT", path + "/password", "{\"password\":\"dora-second-password\"}", true)
                    .statusCode());
            await("the new password works in the store", () -> {
                try (ImapTestClient imap = new ImapTestClient("127.0.0.1", cms.imapPort())) {
                    return imap.login(login, "dora-second-password").ok();
                }
            });

            assertEquals(204, TestServer.send("DELETE", path, null, true).statusCode());
            await("the deleted account leaves the store",
                    () -> cms.webAdmin("HEAD", "/users/" + login, null).statusCode() == 404);
            try (ImapTestClient imap = new ImapTestClient("127.0.0.1", cms.imapPort())) {
                assertFalse(imap.login(login, "dora-second-password").ok());
            }
        }
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        Poll.until(what, WAIT, condition);
    }
}
