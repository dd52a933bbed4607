/**
 * The Jakarta Connectors face of the SIP container: the resource adapter owns the stack for the lifetime of the
 * deployment, activates message endpoints (the applications' {@link org.opencpm.sip.api.SipEndpoint} MDBs) with
 * their routing rules, and offers {@link org.opencpm.sip.api.SipConnector} as its connection factory.
 */
package org.opencpm.sip.ra;
