package org.opencpm.sip.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.message.Request;

/**
 * The application router's rule table, parsed from text: one rule per line,
 * {@code METHOD USER HOST FEATURE-TAG SERVLET}, {@code #} starts a comment, {@code ${name:default}} is replaced by a
 * property (system properties in the server), e.g. {@code MESSAGE * ${cpm.domain:opencpm.test} * participating}.
 */
public final class RoutingRules {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    private final List<RoutingRule> rules;

    private RoutingRules(List<RoutingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static RoutingRules parse(String text, Properties properties) {
        List<RoutingRule> rules = new ArrayList<>();
        int lineNumber = 0;
        for (String raw : text.split("\\R")) {
            lineNumber++;
            int hash = raw.indexOf('#');
            String line = expand(hash >= 0 ? raw.substring(0, hash) : raw, properties).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 5) {
                throw new IllegalArgumentException("routing rule line " + lineNumber
                        + ": expected METHOD USER HOST FEATURE-TAG SERVLET, got '" + line + "'");
            }
            rules.add(new RoutingRule(f[0], f[1], f[2], f[3], f[4]));
        }
        return new RoutingRules(rules);
    }

    public Optional<RoutingRule> route(Request request) {
        return rules.stream().filter(rule -> rule.matches(request)).findFirst();
    }

    public List<RoutingRule> rules() {
        return rules;
    }

    private static String expand(String line, Properties properties) {
        Matcher m = PLACEHOLDER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = properties.getProperty(m.group(1), m.group(2));
            if (value == null) {
                throw new IllegalArgumentException("routing rule uses unset property " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
