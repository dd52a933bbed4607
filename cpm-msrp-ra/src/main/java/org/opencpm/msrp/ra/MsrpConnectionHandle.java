package org.opencpm.msrp.ra;

/** The (never needed) connection handle of the connection-definition contract. */
public interface MsrpConnectionHandle {
}
