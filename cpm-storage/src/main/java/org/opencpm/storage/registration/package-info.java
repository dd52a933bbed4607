/**
 * The location service's storage: contact bindings of registered users (RFC 3261 section 10, RFC 5626/5627
 * instance ids), kept in the database so registrations survive a restart.
 */
package org.opencpm.storage.registration;
