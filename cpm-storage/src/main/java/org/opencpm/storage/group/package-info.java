/**
 * Storage of CPM Pre-defined Groups (OMA CPM SD 5.2.3.4), modelled on the Shared Group XDM document: one
 * {@link org.opencpm.storage.group.GroupDocument} per group, keyed by its canonical {@code sip:} address, with its
 * policies as columns and its ordered member list as an element collection. The document is one aggregate, replaced
 * or changed as a whole; values are stored as validated by the caller.
 */
package org.opencpm.storage.group;
