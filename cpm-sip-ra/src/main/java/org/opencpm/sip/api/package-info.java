/**
 * The SIP servlet programming model of OpenCPM: a compact API modelled on the names and semantics of the SIP
 * Servlet specifications (JSR 289/359), implemented on JAIN-SIP by {@code org.opencpm.sip.container}.
 * Applications depend on this package only; addresses and URIs are JAIN-SIP's {@code javax.sip.address} types.
 */
package org.opencpm.sip.api;
