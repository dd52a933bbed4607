package org.opencpm.participating;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a registered contact says it can do, read from its Contact parameters (RFC 3840 feature tags): the IMS
 * communication service identifiers of {@code +g.3gpp.icsi-ref} and the {@code methods} tag.
 */
public final class DeviceCapabilities {

    /** The pager-mode standalone message service (protocol-facts 1; OMA CPM SD 5.2.2.1). */
    public static final String CPM_MSG_ICSI = "urn:urn-7:3gpp-service.ims.icsi.oma.cpm.msg";

    private final Optional<List<String>> icsis;
    private final Optional<List<String>> methods;

    private DeviceCapabilities(Optional<List<String>> icsis, Optional<List<String>> methods) {
        this.icsis = icsis;
        this.methods = methods;
    }

    /** Reads the parameters of a Contact as stored by the registrar ({@code a=b;c="d,e"}, without the URI). */
    public static DeviceCapabilities of(String contactParams) {
        Optional<List<String>> icsis = Optional.empty();
        Optional<List<String>> methods = Optional.empty();
        for (String param : splitParams(contactParams == null ? "" : contactParams)) {
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : unquote(param.substring(eq + 1).trim());
            if (name.equals("+g.3gpp.icsi-ref")) {
                // In feature tags the URN is %-encoded (protocol-facts 1).
                icsis = Optional.of(list(URLDecoder.decode(value, StandardCharsets.UTF_8)));
            } else if (name.equals("methods")) {
                methods = Optional.of(list(value.toUpperCase(Locale.ROOT)));
            }
        }
        return new DeviceCapabilities(icsis, methods);
    }

    /**
     * A device takes pager-mode standalone messages unless it says otherwise: a contact that lists ICSIs must list
     * the CPM message service, one that lists methods must list MESSAGE. A plain SIP UA that advertises nothing is
     * taken to handle MESSAGE (RFC 3428).
     */
    public boolean acceptsStandaloneMessages() {
        boolean service = icsis.map(l -> l.stream().anyMatch(CPM_MSG_ICSI::equalsIgnoreCase)).orElse(true);
        boolean method = methods.map(l -> l.contains("MESSAGE")).orElse(true);
        return service && method;
    }

    private static List<String> list(String commaSeparated) {
        List<String> out = new ArrayList<>();
        for (String s : commaSeparated.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** Splits on ';' outside quotes. */
    private static List<String> splitParams(String params) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : params.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                if (!current.toString().isBlank()) {
                    out.add(current.toString());
                }
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString());
        }
        return out;
    }
}
