/**
 * The Participating Function's decisions (OMA CPM SD 5.2.2.1, 5.1.5): what a standalone message may be, which of
 * a recipient's devices are suitable for it, what the terminating PF does with it given the recipient's
 * preferences, and how the answers of several devices make one delivery result. Pure Java; the SIP side is in
 * cpm-sipservlets.
 */
package org.opencpm.participating;
