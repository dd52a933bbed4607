package org.opencpm.sipservlets;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.opencpm.sip.api.SipConnector;
import org.opencpm.user.HomeDomain;

/** The servlets' view of the home domain, and the SIP connector. */
@ApplicationScoped
public class CoreProducers {

    @Resource(lookup = "java:/eis/sip")
    SipConnector sip;

    @Produces
    @Singleton
    CoreSettings settings(HomeDomain domain) {
        return new CoreSettings(domain.name());
    }

    /** The SIP connector of the resource adapter, for requests the application starts itself. */
    @Produces
    SipConnector sipConnector() {
        return sip;
    }
}
