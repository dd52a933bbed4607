/**
 * The SIP servlet container on JAIN-SIP: owns the stack and its listening points, keeps transactions, dialogs and
 * sessions, routes initial requests with {@link org.opencpm.sip.container.RoutingRules} and subsequent ones by
 * dialog, and hands every message to the application's {@link org.opencpm.sip.api.SipEndpoint}. It runs inside the
 * resource adapter in WildFly and, as {@link org.opencpm.sip.container.EmbeddedSipContainer}, in plain JUnit.
 */
package org.opencpm.sip.container;
