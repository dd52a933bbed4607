package org.opencpm.sip.container;

import java.util.List;
import java.util.Locale;

/**
 * Where and how the stack listens. {@code transports} lists "UDP" and/or "TCP"; all listen on the same host and
 * port. {@code threads} sizes the stack's pool that runs the listener (and so the servlets).
 */
public record ContainerConfig(String host, int port, List<String> transports, int threads, String stackName) {

    public ContainerConfig {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("SIP port out of range: " + port);
        }
        transports = transports.stream().map(t -> t.trim().toUpperCase(Locale.ROOT)).toList();
        for (String t : transports) {
            if (!t.equals("UDP") && !t.equals("TCP")) {
                throw new IllegalArgumentException("unsupported SIP transport: " + t);
            }
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
    }

    public static ContainerConfig of(String host, int port) {
        return new ContainerConfig(host, port, List.of("UDP", "TCP"), 8, "opencpm-" + port);
    }
}
