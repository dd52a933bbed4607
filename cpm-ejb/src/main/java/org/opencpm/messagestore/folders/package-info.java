/**
 * The CPM folder model (OMA CPM SD 5.5.1.1) as pure names: which folder below the user's "default" system folder a
 * recorded item goes to ({@link org.opencpm.messagestore.folders.CpmFolder}), made safe for IMAP from untrusted
 * identifiers ({@link org.opencpm.messagestore.folders.FolderNames}) and identities spelled one way
 * ({@link org.opencpm.messagestore.folders.Identities}). No I/O here.
 */
package org.opencpm.messagestore.folders;
