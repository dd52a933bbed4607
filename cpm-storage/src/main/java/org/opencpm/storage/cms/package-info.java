/**
 * Account changes not yet applied to the message store (Apache James): the outbox that keeps a user's creation,
 * password change or removal until James has it, so that a store that is down loses none of them.
 */
package org.opencpm.storage.cms;
