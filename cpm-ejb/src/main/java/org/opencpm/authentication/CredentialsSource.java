package org.opencpm.authentication;

import org.opencpm.user.DigestCredentials;
import java.util.Optional;

/** Where credentials come from: the provisioned users in WildFly, a map in embedded tests. */
public interface CredentialsSource {

    Optional<DigestCredentials> credentials(String username, String realm);
}
