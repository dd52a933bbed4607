package org.opencpm.preference;

/** What happens to a deferred message that expires undelivered (OMA CPM SD 5.2.5 note 2, 5.4 C). */
public enum ExpiredHandling {
    DISCARD,
    STORE
}
