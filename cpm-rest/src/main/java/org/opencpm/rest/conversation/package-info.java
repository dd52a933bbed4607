/**
 * The {@code /users/{address}/conversations} resource: administrators look into a user's conversations in the
 * message store (OMA CPM SD 5.5), read-only, through the server: the conversation and session folders, and a
 * folder's objects. The JSON shapes are the records of this package.
 */
package org.opencpm.rest.conversation;
