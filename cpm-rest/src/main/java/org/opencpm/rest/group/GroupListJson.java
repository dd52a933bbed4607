package org.opencpm.rest.group;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.opencpm.group.GroupPage;

/** One page of groups ordered by address: the paging asked for and the number of groups there are. */
@Schema(name = "GroupList")
@JsonbPropertyOrder({"items", "offset", "limit", "total"})
public record GroupListJson(List<GroupJson> items, int offset, int limit, long total) {

    static GroupListJson of(GroupPage page) {
        return new GroupListJson(page.items().stream().map(GroupJson::of).toList(), page.offset(), page.limit(),
                page.total());
    }
}
