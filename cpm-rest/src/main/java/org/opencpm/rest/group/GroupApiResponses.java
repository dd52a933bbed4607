package org.opencpm.rest.group;

/**
 * Names of the OpenAPI responses that the administrators' and the users' group resources share, each defined once
 * among the components of {@link org.opencpm.rest.RestApplication} and referenced with
 * {@code @APIResponse(responseCode = ..., ref = ...)}. (SmallRye OpenAPI reads only one composed annotation per
 * method, so responses cannot be shared as annotations that carry them.)
 */
public final class GroupApiResponses {

    public static final String GROUP_CREATED = "GroupCreated";
    public static final String GROUP_ADDRESS_TAKEN = "GroupAddressTaken";
    public static final String INVALID_PAGING = "InvalidPaging";
    public static final String INVALID_GROUP = "InvalidGroup";
    public static final String INVALID_GROUP_MEMBER = "InvalidGroupMember";
    public static final String INVALID_GROUP_POLICY = "InvalidGroupPolicy";
    public static final String INVALID_RESOURCE_LISTS = "InvalidResourceLists";
    public static final String NOT_GROUP_OWNER = "NotGroupOwner";
    public static final String GROUP_NOT_FOUND = "GroupNotFound";
    public static final String GROUP_OR_MEMBER_NOT_FOUND = "GroupOrMemberNotFound";
    public static final String NOT_A_MEMBER = "NotAMember";
    public static final String BODY_TOO_LARGE = "BodyTooLarge";

    private GroupApiResponses() {
    }
}
