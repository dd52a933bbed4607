package org.opencpm.msrp.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * Makes the {@link MsrpConnectorFactory} bound in JNDI. Applications need no per-call connection: the factory hands
 * out sessions of the adapter's stack, so managed connections exist only to satisfy the contract.
 */
public class MsrpManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;
    private transient MsrpResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager cm) {
        return new MsrpConnectorFactory(this);
    }

    @Override
    public Object createConnectionFactory() {
        return new MsrpConnectorFactory(this);
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new MsrpManagedConnection();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo info) {
        for (Object c : connections) {
            if (c instanceof MsrpManagedConnection mc) {
                return mc;
            }
        }
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) { this.logWriter = out; }

    @Override
    public PrintWriter getLogWriter() { return logWriter; }

    @Override
    public ResourceAdapter getResourceAdapter() { return resourceAdapter; }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = (MsrpResourceAdapter) ra;
    }

    MsrpResourceAdapter msrpResourceAdapter() throws ResourceException {
        if (resourceAdapter == null) {
            throw new ResourceException("MSRP connection factory is not associated with its resource adapter");
        }
        return resourceAdapter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MsrpManagedConnectionFactory other && other.resourceAdapter == resourceAdapter;
    }

    @Override
    public int hashCode() {
        return resourceAdapter == null ? 0 : System.identityHashCode(resourceAdapter);
    }
}
