/**
 * Users provisioned over the REST API exist in the message store (Apache James, cpm-cms) too, with the same
 * password, and are removed with their mailboxes when the account is deleted. The change is written to an outbox
 * in the account's own transaction ({@link org.opencpm.messagestore.accounts.StoreAccountOutbox}) and applied over
 * James' WebAdmin after the commit and then every {@code opencpm.cms.retry} until James has taken it
 * ({@link org.opencpm.messagestore.accounts.StoreAccountSync}): a store that is down, or restarting, misses nothing.
 */
package org.opencpm.messagestore.accounts;
