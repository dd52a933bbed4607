package org.opencpm.msrp.ra;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import java.io.Serializable;
import java.util.List;
import javax.naming.Reference;
import org.opencpm.msrp.api.MsrpConnector;
import org.opencpm.msrp.api.MsrpFanOut;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpStatistics;
import org.opencpm.msrp.api.RelayTap;
import org.opencpm.msrp.api.SessionOptions;
import org.opencpm.msrp.stack.MsrpStack;

/** What applications look up ({@code java:/eis/msrp}): the running stack of the resource adapter. */
public class MsrpConnectorFactory implements MsrpConnector, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;
    private final transient MsrpManagedConnectionFactory mcf;
    private Reference reference;

    MsrpConnectorFactory(MsrpManagedConnectionFactory mcf) {
        this.mcf = mcf;
    }

    private MsrpStack stack() {
        try {
            return mcf.msrpResourceAdapter().stack();
        } catch (ResourceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public MsrpSession createSession(SessionOptions options) {
        return stack().createSession(options);
    }

    @Override
    public void bridge(MsrpSession first, MsrpSession second, RelayTap tap) {
        stack().bridge(first, second, tap);
    }

    @Override
    public MsrpFanOut fanOut(MsrpSession source, List<MsrpSession> targets) {
        return stack().fanOut(source, targets);
    }

    @Override
    public MsrpStatistics statistics() {
        return stack().statistics();
    }

    @Override
    public String host() {
        return stack().host();
    }

    @Override
    public int port() {
        return stack().port();
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
