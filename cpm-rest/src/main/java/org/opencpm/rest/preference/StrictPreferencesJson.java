package org.opencpm.rest.preference;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON-B a preference document is read with: a member it does not know is refused (400, through the
 * malformed-body interceptor) instead of being dropped, as a misspelt setting silently left at its default would
 * otherwise look stored. Other types get the runtime's default JSON-B (null: no opinion).
 */
@Provider
public class StrictPreferencesJson implements ContextResolver<Jsonb> {

    /** Yasson's switch (YassonConfig.FAIL_ON_UNKNOWN_PROPERTIES), the JSON-B implementation WildFly ships. */
    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private static final Jsonb STRICT = JsonbBuilder.create(
            new JsonbConfig().setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return type == PreferencesDocument.class ? STRICT : null;
    }
}
