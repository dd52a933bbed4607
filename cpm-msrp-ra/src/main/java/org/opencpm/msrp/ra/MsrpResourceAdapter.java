package org.opencpm.msrp.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.stack.MsrpStack;
import org.opencpm.msrp.stack.StackConfig;

/**
 * Owns the MSRP stack: listening from {@link #start} to {@link #stop}, that is, while the EAR is deployed. Stopping
 * closes every session (listeners hear {@link org.opencpm.msrp.api.CloseReason#STOPPED}) and connection and frees
 * the port.
 */
public class MsrpResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(MsrpResourceAdapter.class.getName());

    private String bindAddress = "127.0.0.1";
    private Integer port = 2855;
    private Integer chunkSize = 10 * 1024;
    private Long queueBytes = 256L * 1024;
    private String transactionTimeout = "PT30S";
    private String bindTimeout = "PT30S";
    private String connectTimeout = "PT10S";
    private Long maxMessageSize = 1L << 30;

    private volatile MsrpStack stack;
    private final Map<String, MsrpSessionListener> endpoints = new ConcurrentHashMap<>();
    private final Map<MessageEndpointFactory, String> activations = new ConcurrentHashMap<>();

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        StackConfig config;
        try {
            config = StackConfig.builder().host(bindAddress).port(port).chunkSize(chunkSize).queueBytes(queueBytes)
                    .transactionTimeoutMillis(millis("TransactionTimeout", transactionTimeout))
                    .bindTimeoutMillis(millis("BindTimeout", bindTimeout))
                    .connectTimeoutMillis((int) millis("ConnectTimeout", connectTimeout))
                    .maxMessageSize(maxMessageSize).build();
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("MSRP connector misconfigured: " + e.getMessage(), e);
        }
        try {
            stack = MsrpStack.start(config, endpoints::get);
        } catch (IOException e) {
            throw new ResourceAdapterInternalException("MSRP connector cannot listen on " + bindAddress + ":" + port
                    + ": " + e.getMessage(), e);
        }
        LOG.info("MSRP connector listening on " + bindAddress + ":" + stack.port());
    }

    private static long millis(String name, String isoDuration) {
        try {
            long ms = Duration.parse(isoDuration).toMillis();
            if (ms <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + isoDuration);
            }
            return ms;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is no ISO-8601 duration: " + isoDuration, e);
        }
    }

    @Override
    public void stop() {
        MsrpStack s = stack;
        stack = null;
        if (s != null) {
            s.close();
        }
        endpoints.clear();
        activations.clear();
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        MsrpActivationSpec msrpSpec = (MsrpActivationSpec) spec;
        msrpSpec.validate();
        String name = msrpSpec.getApplicationName();
        if (endpoints.putIfAbsent(name, new EndpointInvoker(factory)) != null) {
            throw new ResourceException("an MSRP endpoint is already activated as " + name);
        }
        activations.put(factory, name);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        String name = activations.remove(factory);
        if (name != null) {
            endpoints.remove(name);
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    MsrpStack stack() throws ResourceException {
        MsrpStack s = stack;
        if (s == null) {
            throw new ResourceException("MSRP connector is not started");
        }
        return s;
    }

    public String getBindAddress() { return bindAddress; }
    public void setBindAddress(String bindAddress) { this.bindAddress = bindAddress; }
    public Integer getPort() { return port; }
    public void setPort(Integer port) { this.port = port; }
    public Integer getChunkSize() { return chunkSize; }
    public void setChunkSize(Integer chunkSize) { this.chunkSize = chunkSize; }
    public Long getQueueBytes() { return queueBytes; }
    public void setQueueBytes(Long queueBytes) { this.queueBytes = queueBytes; }
    public String getTransactionTimeout() { return transactionTimeout; }
    public void setTransactionTimeout(String transactionTimeout) { this.transactionTimeout = transactionTimeout; }
    public String getBindTimeout() { return bindTimeout; }
    public void setBindTimeout(String bindTimeout) { this.bindTimeout = bindTimeout; }
    public String getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(String connectTimeout) { this.connectTimeout = connectTimeout; }
    public Long getMaxMessageSize() { return maxMessageSize; }
    public void setMaxMessageSize(Long maxMessageSize) { this.maxMessageSize = maxMessageSize; }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
