/**
 * The Controlling Function's storage of disposition notifications it routes and aggregates (OMA CPM SD 5.2.6.1,
 * RFC 5438 sec 8.3): the messages it asked to be notified about, and the notifications collected for them until
 * they go to the sender. Kept in the database, so a restart loses no notification that was accepted.
 */
package org.opencpm.storage.controlling;
