/**
 * CPM Pre-defined Groups over REST (OMA CPM SD 5.2.3.4): {@code /groups} for administrators, {@code /me/groups}
 * for users, who see the groups they belong to and manage the groups they own (the owner adds and deletes members,
 * 5.2.3.4). Groups are read and replaced as whole documents, as the Shared Group XDM does, with sub-resources for
 * the member list and the policy, and an RFC 4826 resource-lists view of the members
 * ({@link org.opencpm.rest.group.GroupResourceLists}). The JSON shape is {@link org.opencpm.rest.group.GroupJson};
 * unknown members are refused. Both resources act through {@link org.opencpm.rest.group.GroupOperations}, each with
 * its own {@link org.opencpm.rest.group.GroupAccess}.
 */
package org.opencpm.rest.group;
