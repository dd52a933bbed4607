/**
 * The recording outbox: objects the Participating Function records into users' message stores (OMA CPM SD 5.2.1.2,
 * 5.2.5.3), kept in the database until the store has them, then remembered for a while so that the same recording
 * is never stored twice.
 */
package org.opencpm.storage.recording;
