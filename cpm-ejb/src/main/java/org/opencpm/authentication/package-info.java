/**
 * SIP digest authentication of the embedded SIP/IP core (RFC 3261 section 22, RFC 2617, RFC 8760): stateless
 * nonces, verification against the stored HA1 of provisioned users. Pure Java, no SIP stack types.
 */
package org.opencpm.authentication;
