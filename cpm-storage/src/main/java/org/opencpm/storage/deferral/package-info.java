/**
 * The deferred message queue's storage (OMA CPM SD 5.2.5): messages the Participating Function holds for a user,
 * as they arrived, with their delivery state (queued, or in flight under a lease) so that a message goes to one
 * delivery at a time even with several nodes, and survives a restart.
 */
package org.opencpm.storage.deferral;
