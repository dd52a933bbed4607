package org.opencpm.messagestore.accounts;

/** Fired in the transaction that recorded an account change, observed after it committed. */
public record StoreAccountsChanged() {
}
