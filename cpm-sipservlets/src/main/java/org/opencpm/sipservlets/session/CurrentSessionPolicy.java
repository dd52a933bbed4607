package org.opencpm.sipservlets.session;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.opencpm.config.PolicyProperties;

/**
 * The session policy as the properties say now. Each new session asks again, so an operator's change of a system
 * property (e.g. {@code /system-property=opencpm.msrp.link-establishment:add(value=clients)} in the management CLI)
 * applies to the next session without a redeployment; sessions under way keep what they started with. The
 * properties are parsed again only when one of them changed, so an invalid value is logged once per change.
 */
public final class CurrentSessionPolicy implements Supplier<SessionPolicy> {

    private static final List<String> NAMES = List.of("opencpm.msrp.link-establishment", "opencpm.cf.session-answer",
            "opencpm.pf.session.device-timeout", "opencpm.pf.large-message.max-size",
            "opencpm.pf.file-transfer.max-size", "opencpm.pf.file-transfer.offline");

    private final UnaryOperator<String> source;
    private List<String> readValues;
    private SessionPolicy policy;

    public CurrentSessionPolicy(UnaryOperator<String> source) {
        this.source = source;
    }

    @Override
    public synchronized SessionPolicy get() {
        List<String> values = NAMES.stream().map(source).toList();
        if (policy == null || !Objects.equals(values, readValues)) {
            policy = SessionPolicy.from(new PolicyProperties(source));
            readValues = values;
        }
        return policy;
    }
}
