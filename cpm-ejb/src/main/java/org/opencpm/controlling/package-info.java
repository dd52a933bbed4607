/**
 * The Controlling Function's decisions beyond the group documents (OMA CPM SD 5.2.2.1.2, 5.2.6.1): the service
 * provider's policy for ad-hoc groups and notifications, the routing of disposition notifications back through the
 * CF, and their aggregation (RFC 5438 sec 8.3) before they reach the sender.
 */
package org.opencpm.controlling;
