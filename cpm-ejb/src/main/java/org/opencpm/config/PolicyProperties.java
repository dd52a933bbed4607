package org.opencpm.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Reads service-provider settings from named properties (system properties in WildFly): an absent value gives the
 * default, an invalid one is logged once with what was expected and gives the default too, so a typo never stops
 * the deployment.
 */
public final class PolicyProperties {

    private static final Logger LOG = Logger.getLogger(PolicyProperties.class.getName());

    private final UnaryOperator<String> source;

    public PolicyProperties(UnaryOperator<String> source) {
        this.source = source;
    }

    public static PolicyProperties system() {
        return new PolicyProperties(System::getProperty);
    }

    /** A positive ISO-8601 duration such as {@code PT10S}. */
    public Duration duration(String name, Duration defaultValue) {
        String value = value(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            Duration parsed = Duration.parse(value);
            if (!parsed.isNegative() && !parsed.isZero()) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        return invalid(name, value, "a positive ISO-8601 duration (PT10S, P7D)", defaultValue);
    }

    /** A whole number within {@code min..max}. */
    public int count(String name, int defaultValue, int min, int max) {
        String value = value(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return invalid(name, value, "a whole number from " + min + " to " + max, defaultValue);
    }

    /** {@code true} or {@code false}, any case. */
    public boolean flag(String name, boolean defaultValue) {
        String value = value(name);
        if (value == null) {
            return defaultValue;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return Boolean.parseBoolean(lower);
        }
        return invalid(name, value, "true or false", defaultValue);
    }

    /** A value matching {@code pattern} (a regular expression). */
    public String text(String name, String defaultValue, String pattern, String expected) {
        String value = value(name);
        if (value == null) {
            return defaultValue;
        }
        return value.matches(pattern) ? value : invalid(name, value, expected, defaultValue);
    }

    private String value(String name) {
        String value = source.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static <T> T invalid(String name, String value, String expected, T defaultValue) {
        LOG.warning(() -> "Property " + name + "='" + value + "' is not " + expected + "; using " + defaultValue);
        return defaultValue;
    }
}
