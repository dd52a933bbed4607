package org.opencpm.sipservlets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.opencpm.user.HomeDomain;

/** The servlets' view of the home domain. */
@ApplicationScoped
public class CoreProducers {

    @Produces
    @Singleton
    CoreSettings settings(HomeDomain domain) {
        return new CoreSettings(domain.name());
    }
}
