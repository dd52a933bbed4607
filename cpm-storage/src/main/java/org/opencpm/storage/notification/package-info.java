/**
 * Records of forwarded disposition notifications (OMA CPM SD 5.2.6): when several devices of a user notify the
 * same disposition of the same message, only the first is forwarded; the record keyed by user, message and type
 * is how the Participating Function knows, across nodes.
 */
package org.opencpm.storage.notification;
