package org.opencpm.sip.container;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sip.SipException;
import org.opencpm.sip.api.ServletName;
import org.opencpm.sip.api.ServletTimer;
import org.opencpm.sip.api.SipConnector;
import org.opencpm.sip.api.SipEndpoint;
import org.opencpm.sip.api.SipFactory;
import org.opencpm.sip.api.SipServlet;
import org.opencpm.sip.api.SipServletMessage;
import org.opencpm.sip.api.TimerService;

/**
 * The container outside any application server, for tests and tools: servlets are plain objects registered by
 * name, and the container listens on loopback on a free port unless told otherwise.
 */
public final class EmbeddedSipContainer implements SipConnector, SipEndpoint, AutoCloseable {

    private final SipContainer container;
    private final Map<String, SipServlet> servlets = new LinkedHashMap<>();

    private EmbeddedSipContainer(SipContainer container) {
        this.container = container;
    }

    /** A container on 127.0.0.1 and a port free for both UDP and TCP. */
    public static EmbeddedSipContainer onFreePort(Properties routingProperties) {
        return new EmbeddedSipContainer(new SipContainer(ContainerConfig.of("127.0.0.1", freePort()), routingProperties));
    }

    public EmbeddedSipContainer servlet(SipServlet servlet) {
        ServletName name = servlet.getClass().getAnnotation(ServletName.class);
        if (name == null) {
            throw new IllegalArgumentException(servlet.getClass() + " has no @ServletName");
        }
        servlets.put(name.value(), servlet);
        return this;
    }

    public EmbeddedSipContainer start(String routingRules) throws SipException {
        container.deploy("embedded", routingRules, this);
        container.start();
        return this;
    }

    public SipContainer container() {
        return container;
    }

    public int port() {
        return container.config().port();
    }

    public String host() {
        return container.config().host();
    }

    @Override
    public SipFactory getSipFactory() {
        return container.sipFactory();
    }

    @Override
    public TimerService getTimerService() {
        return container.timerService();
    }

    @Override
    public List<String> getListeningPoints() {
        return container.listeningPoints();
    }

    @Override
    public void onMessage(String servletName, SipServletMessage message) throws Exception {
        servlet(servletName).service(message);
    }

    @Override
    public void onTimeout(String servletName, ServletTimer timer) throws Exception {
        servlet(servletName).timeout(timer);
    }

    private SipServlet servlet(String name) {
        SipServlet s = servlets.get(name);
        if (s == null) {
            throw new IllegalStateException("no servlet named " + name);
        }
        return s;
    }

    @Override
    public void close() {
        container.stop();
    }

    /** A port free on loopback for both TCP and UDP at the time of the call. */
    public static int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (IOException busy) {
                    // UDP side taken: try another
                }
            } catch (IOException e) {
                throw new IllegalStateException("no free port", e);
            }
        }
        throw new IllegalStateException("no port free for both TCP and UDP");
    }
}
