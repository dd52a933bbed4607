/**
 * The {@code /users/{address}/deferred} resource: administrators look into a user's deferred message queue
 * (OMA CPM SD 5.2.5), read a message with its headers and body, remove one or empty the queue. The JSON shapes are
 * the records of this package.
 */
package org.opencpm.rest.deferral;
