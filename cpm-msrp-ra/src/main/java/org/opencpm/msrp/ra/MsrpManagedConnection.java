package org.opencpm.msrp.ra;

import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/** The managed connection of the contract: stateless, since sessions come from the shared stack. */
final class MsrpManagedConnection implements ManagedConnection {

    private PrintWriter logWriter;

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        return new MsrpConnectionHandle() { };
    }

    @Override public void destroy() { }
    @Override public void cleanup() { }
    @Override public void associateConnection(Object connection) { }
    @Override public void addConnectionEventListener(ConnectionEventListener listener) { }
    @Override public void removeConnectionEventListener(ConnectionEventListener listener) { }

    @Override
    public XAResource getXAResource() throws NotSupportedException {
        throw new NotSupportedException("the MSRP connector is not transactional");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws NotSupportedException {
        throw new NotSupportedException("the MSRP connector is not transactional");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override public String getEISProductName() { return "OpenCPM MSRP connector"; }
            @Override public String getEISProductVersion() { return "1"; }
            @Override public int getMaxConnections() { return 0; }
            @Override public String getUserName() { return null; }
        };
    }

    @Override public void setLogWriter(PrintWriter out) { this.logWriter = out; }
    @Override public PrintWriter getLogWriter() { return logWriter; }
}
