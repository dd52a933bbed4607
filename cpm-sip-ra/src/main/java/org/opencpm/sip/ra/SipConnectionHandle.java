package org.opencpm.sip.ra;

/** The (never needed) connection handle of the connection-definition contract. */
public interface SipConnectionHandle {
}
