package org.opencpm.user;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The domain this server is authoritative for: system property {@value #PROPERTY}, default {@value #DEFAULT},
 * read once and lower-cased. Users' addresses must be in it and it is the digest realm of new accounts.
 * Inject it; code outside CDI can use {@code new HomeDomain().name()}.
 */
@ApplicationScoped
public class HomeDomain {

    public static final String PROPERTY = "opencpm.domain";
    public static final String DEFAULT = "opencpm.test";

    private static final int MAX_LENGTH = 253;
    // A DNS label (RFC 1035 with RFC 1123's leading digit); this also admits IPv4 literals, handy for tests.
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private final String name;

    public HomeDomain() {
        this(System.getProperty(PROPERTY, DEFAULT));
    }

    HomeDomain(String configured) {
        this.name = canonical(configured);
    }

    public String name() {
        return name;
    }

    private static String canonical(String configured) {
        String domain = configured.toLowerCase(Locale.ROOT);
        if (domain.isEmpty() || domain.length() > MAX_LENGTH) {
            throw invalid(configured);
        }
        for (String label : domain.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(configured);
            }
        }
        return domain;
    }

    private static IllegalStateException invalid(String configured) {
        return new IllegalStateException("System property " + PROPERTY + " is not a domain name: '" + configured + "'");
    }
}
