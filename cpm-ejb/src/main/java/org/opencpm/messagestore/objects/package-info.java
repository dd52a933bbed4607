/**
 * The stored objects of the CPM message store (OMA CPM SD 5.5.1.2) composed as MIME with Jakarta Mail: message
 * objects, Session Info Objects, Group State Objects, file transfer history objects and stand-alone media objects,
 * each under the common CPM headers ({@link org.opencpm.messagestore.objects.ObjectHeaders}) and with a
 * {@code Message-ID} that stays the same when the same recording is composed again. Pure: no I/O.
 */
package org.opencpm.messagestore.objects;
