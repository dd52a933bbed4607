/**
 * What an administrator sees of a user's message store through the server, read-only
 * ({@link org.opencpm.messagestore.views.ConversationViews}): the user's conversation and session folders, and a
 * folder's objects, a page at a time, read over IMAP as the store's administrator acting as the user. The REST
 * resources of cpm-rest call it; the checks and the decisions are here.
 */
package org.opencpm.messagestore.views;
