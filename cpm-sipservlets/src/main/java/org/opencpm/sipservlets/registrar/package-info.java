/** The registrar of the embedded SIP/IP core: REGISTER in, bindings through the location service, 200 out. */
package org.opencpm.sipservlets.registrar;
