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
 * @param administrator  the store's administrator ({@code user@domain}), who may act as any user (AUTHENTICATE
 *                       PLAIN with the user as authorization identity) and set server annotations
 * @param administratorPassword its password; empty: no administrator (nobody can act as another user)
 * @param defaultFolder  the "default" system folder, published as the {@code DefaultFolderLocation} server
 *                       annotation (OMA CPM SD 5.5.1.1), a mailbox name with James' '.' hierarchy delimiter
 */
public record CmsSettings(Path dataDirectory, String address, int imapPort, int smtpPort, int webAdminPort,
                          String domain, String dbUrl, String dbUser, String dbPassword,
                          String administrator, String administratorPassword, String defaultFolder) {

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
    public static final String ADMIN = PREFIX + "admin";
    public static final String ADMIN_PASSWORD = PREFIX + "admin.password";
    public static final String DEFAULT_FOLDER = PREFIX + "default.folder";

    /**
     * The administrator unless {@code opencpm.cms.admin} names another: '$' cannot appear in a CPM user name
     * (org.opencpm.user.UserAddress), so no account provisioned over REST can be, or become, the administrator.
     */
    public static final String DEFAULT_ADMIN_LOCAL_PART = "opencpm$admin";

    public static final String WEBADMIN_ADDRESS = "127.0.0.1";

    private static final Pattern DOMAIN_NAME = Pattern.compile("[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?");
    /** James refuses these in a user name (UsersRepositoryImpl); '@' separates the domain. */
    private static final Pattern ADMIN_LOCAL_PART = Pattern.compile("[^\\s\\p{Cntrl}\"(),:;<>@\\[\\]\\\\]{1,64}");
    /** Plain ASCII parts joined by '.', James' hierarchy delimiter: no quoting, wildcards or modified UTF-7. */
    private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*");
    /**
     * James takes mailbox names of up to 200 characters; the folders the Participating Function names below the
     * default folder take up to 2 x 80 (org.opencpm.messagestore.folders.CpmFolder).
     */
    static final int MAX_FOLDER_LENGTH = 38;

    /**
     * H2 2.x reserves VALUE, which James' quota tables use as a column name; the database stays open until the store
     * closes it (not at the JVM's exit, which would race the store's own shutdown).
     */
    /**
     * WRITE_DELAY=0: a commit reaches the file before James answers, so an object the store said it took survives
     * kill -9 of its JVM (H2 otherwise writes up to a second later: an acknowledged APPEND could be lost).
     */
    static final String H2_OPTIONS = ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";

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
        int at = administrator.lastIndexOf('@');
        if (at < 0 || !ADMIN_LOCAL_PART.matcher(administrator.substring(0, at)).matches()
                || !administrator.substring(at + 1).equals(domain)) {
            throw new IllegalArgumentException(ADMIN + " must be user@" + domain
                    + " with a user part James accepts: '" + administrator + "'");
        }
        if (defaultFolder.length() > MAX_FOLDER_LENGTH || !FOLDER.matcher(defaultFolder).matches()
                || defaultFolder.equalsIgnoreCase("INBOX")) {
            throw new IllegalArgumentException(DEFAULT_FOLDER + " must be at most " + MAX_FOLDER_LENGTH
                    + " characters of letters, digits, - and _ in parts joined by '.', and not INBOX: '"
                    + defaultFolder + "'");
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
                value(properties, DB_PASSWORD, ""),
                value(properties, ADMIN, DEFAULT_ADMIN_LOCAL_PART + "@" + domain),
                value(properties, ADMIN_PASSWORD, ""),
                value(properties, DEFAULT_FOLDER, "Default"));
    }

    /** Whether an administrator is configured (it has a password). */
    public boolean hasAdministrator() {
        return !administratorPassword.isEmpty();
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
