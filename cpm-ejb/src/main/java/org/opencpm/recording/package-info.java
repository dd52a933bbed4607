/**
 * Recording conversations into users' message stores (OMA CPM SD 5.2.1.2) and handing deferred messages over to
 * them (5.2.5.3): what is recorded for whom ({@link org.opencpm.recording.ConversationRecorder}), the durable outbox
 * that takes a recording at once ({@link org.opencpm.recording.RecordingOutbox}), and its upload into Apache James
 * over IMAP, off the SIP threads, with retry ({@link org.opencpm.recording.RecordingUploads}).
 */
package org.opencpm.recording;
