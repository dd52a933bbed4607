package org.opencpm.sip.container;

import org.opencpm.sip.api.SipEndpoint;

/** A deployed SIP application: its name, its routing rules and the endpoint that runs its servlets. */
record Application(String name, RoutingRules rules, SipEndpoint endpoint) {
}
