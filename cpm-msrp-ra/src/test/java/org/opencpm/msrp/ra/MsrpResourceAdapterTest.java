package org.opencpm.msrp.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.Test;
import org.opencpm.msrp.api.ConnectRole;
import org.opencpm.msrp.api.IncomingMessage;
import org.opencpm.msrp.api.MsrpConnector;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.api.OutgoingMessage;
import org.opencpm.msrp.api.SessionOptions;
import org.opencpm.msrp.chunk.ChunkSink;
import org.opencpm.msrp.chunk.MemorySink;

/**
 * The resource adapter outside WildFly, called as the container calls it: started with its config properties, its
 * connection factory handing out sessions, an activated endpoint receiving the events of its application's
 * sessions through a fresh endpoint per event, and stopping freeing the port.
 */
class MsrpResourceAdapterTest {

    /** The application's "MDB": what reaches it, and how many endpoint instances the adapter took. */
    static final class Endpoint implements MsrpSessionListener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final AtomicInteger released = new AtomicInteger();
        private MemorySink sink;

        @Override
        public ChunkSink onMessage(MsrpSession session, IncomingMessage message) {
            sink = new MemorySink(1024);
            return sink;
        }

        @Override
        public void onMessageReceived(MsrpSession session, IncomingMessage message, long size) {
            received.add(new String(sink.toByteArray(size), StandardCharsets.UTF_8));
        }
    }

    private static MessageEndpointFactory factoryOf(Endpoint endpoint) {
        return new MessageEndpointFactory() {
            @Override
            public MessageEndpoint createEndpoint(XAResource xa) {
                return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {MessageEndpoint.class, MsrpSessionListener.class}, (proxy, m, args) -> {
                            if (m.getDeclaringClass() == MessageEndpoint.class) {
                                if (m.getName().equals("release")) {
                                    endpoint.released.incrementAndGet();
                                }
                                return null;
                            }
                            try {
                                return m.invoke(endpoint, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            @Override
            public MessageEndpoint createEndpoint(XAResource xa, long timeout) {
                return createEndpoint(xa);
            }

            @Override
            public boolean isDeliveryTransacted(Method method) {
                return false;
            }

            @Override
            public String getActivationName() {
                return "test";
            }

            @Override
            public Class<?> getEndpointClass() {
                return Endpoint.class;
            }
        };
    }

    @Test
    void theConnectionFactoryAndAnActivatedEndpointWorkUntilStop() throws Exception {
        MsrpResourceAdapter adapter = new MsrpResourceAdapter();
        adapter.setPort(0);
        adapter.start(null);
        MsrpManagedConnectionFactory mcf = new MsrpManagedConnectionFactory();
        mcf.setResourceAdapter(adapter);
        MsrpConnector connector = (MsrpConnector) mcf.createConnectionFactory();
        Endpoint endpoint = new Endpoint();
        MsrpActivationSpec spec = new MsrpActivationSpec();
        spec.setApplicationName("pf");
        MessageEndpointFactory factory = factoryOf(endpoint);
        adapter.endpointActivation(factory, spec);
        int port = connector.port();
        try {
            MsrpSession receiving = connector.createSession(SessionOptions.forApplication("pf"));
            MsrpSession sending = connector.createSession(SessionOptions.forApplication("pf"));
            receiving.setRemote(sending.localPath(), ConnectRole.PASSIVE);
            receiving.connect();
            sending.connect(receiving.localPath(), ConnectRole.ACTIVE).toCompletableFuture().get(30, TimeUnit.SECONDS);
            sending.send(OutgoingMessage.of("text/plain", "hi".getBytes(StandardCharsets.UTF_8)));
            assertEquals("hi", endpoint.received.poll(30, TimeUnit.SECONDS));
            assertTrue(endpoint.released.get() >= 2, "an endpoint per event, each released");
            assertThrows(IllegalArgumentException.class,
                    () -> connector.createSession(SessionOptions.forApplication("cf")));
        } finally {
            adapter.endpointDeactivation(factory, spec);
            adapter.stop();
        }
        assertThrows(IllegalStateException.class, connector::statistics);
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort());
        }
    }

    @Test
    void aDurationThatIsNoneFailsTheStart() {
        MsrpResourceAdapter adapter = new MsrpResourceAdapter();
        adapter.setPort(0);
        adapter.setTransactionTimeout("30 seconds");
        assertThrows(ResourceAdapterInternalException.class, () -> adapter.start(null));
    }

    @Test
    void aConnectionFactoryWithoutItsAdapterSaysSo() {
        MsrpConnector connector = (MsrpConnector) new MsrpManagedConnectionFactory().createConnectionFactory();
        IllegalStateException e = assertThrows(IllegalStateException.class, connector::statistics);
        assertTrue(e.getCause() instanceof ResourceException);
    }
}
