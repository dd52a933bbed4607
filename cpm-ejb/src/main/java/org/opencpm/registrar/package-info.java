/**
 * The registrar and location service of the embedded SIP/IP core (RFC 3261 section 10): binding, refreshing and
 * removing contacts of an address of record, and telling the Participating Function where a user is reachable.
 */
package org.opencpm.registrar;
