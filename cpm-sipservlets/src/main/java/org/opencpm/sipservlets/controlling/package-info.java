/**
 * The CPM Controlling Function for standalone messages (OMA CPM SD 5.2.2.1.2): a MESSAGE to a pre-defined group is
 * authorised against the group's policies and distributed to every other member through the member's terminating
 * Participating Function, so preferences, deferral and multi-device policies apply to each copy.
 */
package org.opencpm.sipservlets.controlling;
