/**
 * CPM Pre-defined Groups (OMA CPM SD 5.2.3.4): Pre-arranged and Join-in Groups stored in the network as the Shared
 * Group XDM does, each with an owner, a member list and the policies that regulate the allowed services and who may
 * initiate them. The Controlling Function fetches the members and policies on every request to a group address and
 * decides from them (5.2.2.1.2): {@link org.opencpm.group.GroupService#authorize} and
 * {@link org.opencpm.group.GroupService#recipientsExcept} are its two calls.
 * <p>
 * {@link org.opencpm.group.GroupService} creates, reads, replaces (whole documents, as XDM) and changes groups;
 * {@link org.opencpm.group.GroupRules} is what a group must be, refused with
 * {@link org.opencpm.group.InvalidGroupException}; other refusals are the other {@link org.opencpm.group.GroupException}s.
 * Addresses are stored and compared in the form of {@link org.opencpm.preference.CanonicalUri}.
 */
package org.opencpm.group;
