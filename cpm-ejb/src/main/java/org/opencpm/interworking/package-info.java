/**
 * The PF's interface to the Interworking Selection Function (OMA CPM SD 5.3): where a message goes when the
 * recipient's preferences say to interwork it.
 */
package org.opencpm.interworking;
