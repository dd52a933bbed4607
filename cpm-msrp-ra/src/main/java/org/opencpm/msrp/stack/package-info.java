/**
 * The running MSRP connector: {@link org.opencpm.msrp.stack.MsrpStack} ties the listener, connections, sessions and
 * bridges together and implements {@link org.opencpm.msrp.api.MsrpConnector}; {@link
 * org.opencpm.msrp.stack.EmbeddedMsrpStack} runs it without an application server, for tests and tools, and the
 * resource adapter in {@code org.opencpm.msrp.ra} runs it inside WildFly.
 */
package org.opencpm.msrp.stack;
