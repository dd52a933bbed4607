/**
 * Integration tests: the EAR on a managed WildFly, driven as a user would, with real SIP user agents over loopback
 * and HTTP to the admin API.
 */
package org.opencpm.it;
