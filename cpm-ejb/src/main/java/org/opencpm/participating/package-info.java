/**
 * The Participating Function's decisions (OMA CPM SD 5.2.2.1): what a standalone message may be, and how the
 * answers of a recipient's several devices make one answer to the sender. Pure Java; the SIP side is in
 * cpm-sipservlets.
 */
package org.opencpm.participating;
