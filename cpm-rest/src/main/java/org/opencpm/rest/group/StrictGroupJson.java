package org.opencpm.rest.group;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * The JSON-B groups, members and policies are read with: a member it does not know is refused (400, through the
 * malformed-body interceptor) instead of being dropped, as a misspelt policy silently left at its default would
 * otherwise look stored. Other types get null (no opinion), so the next resolver or the runtime's default applies.
 */
@Provider
public class StrictGroupJson implements ContextResolver<Jsonb> {

    /** Yasson's switch (YassonConfig.FAIL_ON_UNKNOWN_PROPERTIES), the JSON-B implementation WildFly ships. */
    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private static final Set<Class<?>> TYPES = Set.of(GroupJson.class, MemberJson.class, PolicyJson.class);
    private static final Jsonb STRICT = JsonbBuilder.create(
            new JsonbConfig().setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return TYPES.contains(type) ? STRICT : null;
    }
}
