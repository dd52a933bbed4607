package org.opencpm.authentication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.opencpm.user.DigestCredentials;
import org.opencpm.user.UserAccountService;

/** The credentials of the users provisioned over the REST API: what SIP digest checks against in WildFly. */
@ApplicationScoped
public class ProvisionedUsers implements CredentialsSource {

    @Inject
    UserAccountService accounts;

    @Override
    public Optional<DigestCredentials> credentials(String username, String realm) {
        return accounts.credentials(username, realm);
    }
}
