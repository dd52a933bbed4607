/**
 * Test user agents on JAIN-SIP, shipped as this module's test-jar: real SIP over loopback sockets for the unit
 * tests of the embedded container and the Arquillian tests against WildFly.
 */
package org.opencpm.sip.testkit;
