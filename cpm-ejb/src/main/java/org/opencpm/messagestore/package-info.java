/**
 * The PF's interface to the CPM Message Storage Server (OMA CPM SD 5.5): delivery of standalone messages to the
 * store when the recipient's preferences say so, and hand-over of deferred messages (5.2.5.3).
 */
package org.opencpm.messagestore;
