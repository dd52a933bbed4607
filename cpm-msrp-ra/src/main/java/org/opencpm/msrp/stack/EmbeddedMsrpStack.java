package org.opencpm.msrp.stack;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opencpm.msrp.api.MsrpConnector;
import org.opencpm.msrp.api.MsrpFanOut;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.api.MsrpStatistics;
import org.opencpm.msrp.api.RelayTap;
import org.opencpm.msrp.api.SessionOptions;

/**
 * The MSRP connector outside any application server, for tests and tools, as the resource adapter runs it in
 * WildFly: endpoints are plain listeners registered by application name, and the stack listens on loopback on a
 * free port unless told otherwise.
 */
public final class EmbeddedMsrpStack implements MsrpConnector, AutoCloseable {

    private final Map<String, MsrpSessionListener> endpoints = new ConcurrentHashMap<>();
    private final MsrpStack stack;

    private EmbeddedMsrpStack(StackConfig config) throws IOException {
        this.stack = MsrpStack.start(config, endpoints::get);
    }

    /** A stack on 127.0.0.1 and a free port, with the default bounds. */
    public static EmbeddedMsrpStack start() throws IOException {
        return start(StackConfig.builder().port(0).build());
    }

    public static EmbeddedMsrpStack start(StackConfig config) throws IOException {
        return new EmbeddedMsrpStack(config);
    }

    /** Registers the endpoint that sessions created for {@code application} report to. */
    public EmbeddedMsrpStack endpoint(String application, MsrpSessionListener listener) {
        endpoints.put(application, listener);
        return this;
    }

    /** The stack itself, for what the connector interface does not show. */
    public MsrpStack stack() {
        return stack;
    }

    @Override
    public MsrpSession createSession(SessionOptions options) {
        return stack.createSession(options);
    }

    @Override
    public void bridge(MsrpSession first, MsrpSession second, RelayTap tap) {
        stack.bridge(first, second, tap);
    }

    @Override
    public MsrpFanOut fanOut(MsrpSession source, List<MsrpSession> targets) {
        return stack.fanOut(source, targets);
    }

    @Override
    public MsrpStatistics statistics() {
        return stack.statistics();
    }

    @Override
    public String host() {
        return stack.host();
    }

    @Override
    public int port() {
        return stack.port();
    }

    @Override
    public void close() {
        stack.close();
    }
}
