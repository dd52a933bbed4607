/**
 * Routes JAIN-SIP's own logging to java.util.logging (and so to WildFly's logging subsystem), so the stack never
 * needs log4j 1.x. The classes are named in the stack properties and loaded by the stack's class loader.
 */
package org.opencpm.sip.logging;
