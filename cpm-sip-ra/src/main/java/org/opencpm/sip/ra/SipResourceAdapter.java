package org.opencpm.sip.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sip.SipException;
import javax.transaction.xa.XAResource;
import org.opencpm.sip.container.ContainerConfig;
import org.opencpm.sip.container.SipContainer;

/** Owns the SIP container: listening from {@link #start} to {@link #stop}, that is, while the EAR is deployed. */
public class SipResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(SipResourceAdapter.class.getName());

    private String bindAddress = "127.0.0.1";
    private Integer port = 5060;
    private String transports = "UDP,TCP";
    private Integer threads = 16;

    private volatile SipContainer container;
    private final Map<ActivationKey, EndpointInvoker> endpoints = new ConcurrentHashMap<>();

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        ContainerConfig config = new ContainerConfig(bindAddress, port,
                Arrays.stream(transports.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                threads, "opencpm-" + port);
        SipContainer c = new SipContainer(config, System.getProperties());
        try {
            c.start();
        } catch (SipException e) {
            throw new ResourceAdapterInternalException("SIP connector cannot start: " + e.getMessage(), e);
        }
        container = c;
    }

    @Override
    public void stop() {
        SipContainer c = container;
        container = null;
        if (c != null) {
            c.stop();
        }
        endpoints.clear();
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        SipActivationSpec sipSpec = (SipActivationSpec) spec;
        sipSpec.validate();
        ClassLoader loader = factory.getEndpointClass() != null
                ? factory.getEndpointClass().getClassLoader() : Thread.currentThread().getContextClassLoader();
        String rules = readRules(loader, sipSpec.getRoutingRules());
        EndpointInvoker invoker = new EndpointInvoker(factory);
        container().deploy(sipSpec.getApplicationName(), rules, invoker);
        endpoints.put(new ActivationKey(factory, sipSpec), invoker);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        EndpointInvoker invoker = endpoints.remove(new ActivationKey(factory, spec));
        SipContainer c = container;
        if (invoker != null && c != null) {
            c.undeploy(invoker);
            LOG.info("SIP application " + ((SipActivationSpec) spec).getApplicationName() + " undeployed");
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    SipContainer container() throws ResourceException {
        SipContainer c = container;
        if (c == null) {
            throw new ResourceException("SIP connector is not started");
        }
        return c;
    }

    private static String readRules(ClassLoader loader, String resource) throws ResourceException {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ResourceException("routing rules " + resource + " not found in the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ResourceException("cannot read routing rules " + resource, e);
        }
    }

    private record ActivationKey(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    public String getBindAddress() { return bindAddress; }
    public void setBindAddress(String bindAddress) { this.bindAddress = bindAddress; }
    public Integer getPort() { return port; }
    public void setPort(Integer port) { this.port = port; }
    public String getTransports() { return transports; }
    public void setTransports(String transports) { this.transports = transports; }
    public Integer getThreads() { return threads; }
    public void setThreads(Integer threads) { this.threads = threads; }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
