package org.opencpm.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencpm.sip.testkit.SipTestAgent;

/** The SIP port belongs to the deployment: bound while the EAR is deployed, free again once it is undeployed. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UndeployIT {

    private static final String NAME = "undeploy";

    @Deployment(name = NAME, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    @ArquillianResource
    private Deployer deployer;

    @Test
    void undeployReleasesTheSipPorts() throws Exception {
        deployer.deploy(NAME);
        assertTrue(SipTestAgent.tcpListening(TestServer.HOST, TestServer.SIP_PORT), "SIP TCP listens while deployed");
        deployer.undeploy(NAME);
        assertFalse(SipTestAgent.tcpListening(TestServer.HOST, TestServer.SIP_PORT), "TCP port released");
        try (DatagramSocket udp = new DatagramSocket(TestServer.SIP_PORT, InetAddress.getByName(TestServer.HOST))) {
            assertTrue(udp.isBound(), "UDP port released");
        }
    }
}
