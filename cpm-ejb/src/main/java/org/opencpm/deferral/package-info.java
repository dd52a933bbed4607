/**
 * Deferred CPM messages (OMA CPM SD 5.2.5): the durable per-user queue of standalone messages and disposition
 * notifications the terminating Participating Function could not, or was told not to, deliver yet; claiming them
 * for delivery with a lease so that a message goes out once, expiry per service provider policy, and the admin view.
 * Also the record of forwarded disposition notifications (5.2.6), so that of a user's several devices only the
 * first to notify a disposition of a message is forwarded.
 */
package org.opencpm.deferral;
