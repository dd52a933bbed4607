package org.opencpm.sipservlets;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.opencpm.deferral.DeferralPolicy;
import org.opencpm.msrp.api.MsrpConnector;
import org.opencpm.sip.api.SipConnector;
import org.opencpm.sipservlets.participating.KeptFiles;
import org.opencpm.sipservlets.session.CurrentSessionPolicy;
import org.opencpm.sipservlets.session.SessionPolicy;
import org.opencpm.user.HomeDomain;

/** The servlets' view of the home domain, and the SIP and MSRP connectors. */
@ApplicationScoped
public class CoreProducers {

    @Resource(lookup = "java:/eis/sip")
    SipConnector sip;

    @Resource(lookup = "java:/eis/msrp")
    MsrpConnector msrp;

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

    /**
     * The service provider's settings for sessions with MSRP media ({@code opencpm.msrp.*}, {@code opencpm.pf.*}),
     * read again for each new session.
     */
    @Produces
    @Singleton
    Supplier<SessionPolicy> sessionPolicy() {
        return new CurrentSessionPolicy(System::getProperty);
    }

    /**
     * Where the terminating PF keeps files taken on users' behalf ({@code opencpm.pf.file-transfer.directory},
     * default {@code <server data dir>/opencpm/kept-files}); a file lives no longer than a deferred entry, plus a day.
     */
    @Produces
    @Singleton
    KeptFiles keptFiles(DeferralPolicy deferral) {
        String configured = System.getProperty("opencpm.pf.file-transfer.directory");
        Path directory = configured != null && !configured.isBlank() ? Path.of(configured.trim())
                : Path.of(System.getProperty("jboss.server.data.dir", "data"), "opencpm", "kept-files");
        return new KeptFiles(directory, deferral.expiry().plus(Duration.ofDays(1)));
    }

    /** The MSRP connector of the resource adapter: the sessions and bridges of the functions in the media path. */
    @Produces
    MsrpConnector msrpConnector() {
        return msrp;
    }
}
