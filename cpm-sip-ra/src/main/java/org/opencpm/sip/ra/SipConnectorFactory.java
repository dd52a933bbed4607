package org.opencpm.sip.ra;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import java.io.Serializable;
import java.util.List;
import javax.naming.Reference;
import org.opencpm.sip.api.SipConnector;
import org.opencpm.sip.api.SipFactory;
import org.opencpm.sip.api.TimerService;
import org.opencpm.sip.container.SipContainer;

/** What applications look up ({@code java:/eis/sip}): the running container's factory, timers and listeners. */
public class SipConnectorFactory implements SipConnector, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;
    private final transient SipManagedConnectionFactory mcf;
    private Reference reference;

    SipConnectorFactory(SipManagedConnectionFactory mcf) {
        this.mcf = mcf;
    }

    private SipContainer container() {
        try {
            return mcf.sipResourceAdapter().container();
        } catch (ResourceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public SipFactory getSipFactory() {
        return container().sipFactory();
    }

    @Override
    public TimerService getTimerService() {
        return container().timerService();
    }

    @Override
    public List<String> getListeningPoints() {
        return container().listeningPoints();
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
