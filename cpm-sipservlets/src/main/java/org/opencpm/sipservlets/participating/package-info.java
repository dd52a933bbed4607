/**
 * The Participating Function's SIP side (OMA CPM SD 5.2.2.1): authenticates the originating user, and as the
 * recipient's terminating PF delivers a pager-mode MESSAGE to every registered device of the recipient.
 */
package org.opencpm.sipservlets.participating;
