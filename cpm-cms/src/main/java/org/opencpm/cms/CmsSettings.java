package org.opencpm.cms;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What the message store is told at start, from {@code opencpm.cms.*} properties (system properties of its JVM).
 * Unlike the server's policy properties, a bad value here stops the start with the reason: a store that listens on
 * a port nobody expects, or writes to another database, is worse than one that does not start.
 *
 * @param dataDirectory  where the generated configuration, the H2 database and James' working files live
 * @param address        address IMAP and SMTP bind to (loopback by default)
 * @param imapPort       IMAP port (plain, AUTHENTICATE PLAIN/LOGIN allowed without TLS: loopback only by default)
 * @param smtpPort       SMTP port
 * @param webAdminPort   WebAdmin port; WebAdmin always binds to 127.0.0.1, as it has no authentication
 * @param domain         the CPM home domain, created in James at start
 * @param dbUrl          JDBC URL of James' database
 * @param dbUser         its user
 * @param dbPassword     its password
 */
public record CmsSettings(Path dataDirectory, String address, int imapPort, int smtpPort, int webAdminPort,
                          String domain, String dbUrl, String dbUser, String dbPassword) {

    public static final String PREFIX = "opencpm.cms.";
    public static final String DATA = PREFIX + "data";
    public static final String ADDRESS = PREFIX + "address";
    public static final String IMAP_PORT = PREFIX + "imap.port";
    public static final String SMTP_PORT = PREFIX + "smtp.port";
    public static final String WEBADMIN_PORT = PREFIX + "webadmin.port";
    public static final String DOMAIN = PREFIX + "domain";
    public static final String DB_URL = PREFIX + "db.url";
    public static final String DB_USER = PREFIX + "db.user";
    public static final String DB_PASSWORD = PREFIX + "db.password";

    public static final String WEBADMIN_ADDRESS = "127.0.0.1";

    private static final Pattern DOMAIN_NAME = Pattern.compile("[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?");

    /**
     * H2 2.x reserves VALUE, which James' quota tables use as a column name; the database stays open until the store
     * closes it (not at the JVM's exit, which would race the store's own shutdown).
     */
    static final String H2_OPTIONS = ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE";

    public CmsSettings {
        requirePort(IMAP_PORT, imapPort);
        requirePort(SMTP_PORT, smtpPort);
        requirePort(WEBADMIN_PORT, webAdminPort);
        if (!DOMAIN_NAME.matcher(domain).matches()) {
            throw new IllegalArgumentException(DOMAIN + " is not a domain name: '" + domain + "'");
        }
        if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(DB_URL + " must be an H2 (jdbc:h2:) or PostgreSQL (jdbc:postgresql:) URL");
        }
        try {
            InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ADDRESS + " is not an address: '" + address + "'", e);
        }
    }

    /** The settings named by system properties, each absent one at its default. */
    public static CmsSettings fromSystemProperties() {
        return from(System::getProperty);
    }

    public static CmsSettings from(UnaryOperator<String> properties) {
        Path data = Path.of(value(properties, DATA, "cms-data")).toAbsolutePath().normalize();
        String domain = value(properties, DOMAIN, value(properties, "opencpm.domain", "opencpm.test"))
                .toLowerCase(Locale.ROOT);
        String h2 = "jdbc:h2:file:" + data.resolve("db/james") + H2_OPTIONS;
        return new CmsSettings(data,
                value(properties, ADDRESS, "127.0.0.1"),
                port(properties, IMAP_PORT, 1143),
                port(properties, SMTP_PORT, 1025),
                port(properties, WEBADMIN_PORT, 8000),
                domain,
                value(properties, DB_URL, h2),
                value(properties, DB_USER, "sa"),
                value(properties, DB_PASSWORD, ""));
    }

    /** The JDBC driver of {@link #dbUrl()}. */
    public String dbDriver() {
        return dbUrl.startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.postgresql.Driver";
    }

    /** The OpenJPA dictionary of {@link #dbUrl()}. */
    String dbDictionary() {
        // OpenJPA 3.2 binds booleans as integers, which H2 2.x refuses to compare with its BOOLEAN columns
        return dbUrl.startsWith("jdbc:h2:") ? "h2(BooleanRepresentation=BOOLEAN)" : "postgres";
    }

    public String webAdminUrl() {
        return "http://" + WEBADMIN_ADDRESS + ":" + webAdminPort;
    }

    private static String value(UnaryOperator<String> properties, String name, String defaultValue) {
        String value = properties.apply(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    private static int port(UnaryOperator<String> properties, String name, int defaultValue) {
        String value = value(properties, name, Integer.toString(defaultValue));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a port number: '" + value + "'", e);
        }
    }

    private static void requirePort(String name, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be from 1 to 65535, not " + port);
        }
    }
}
