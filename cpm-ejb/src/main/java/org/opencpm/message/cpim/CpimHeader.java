package org.opencpm.message.cpim;

import java.util.Objects;

/**
 * One header line of a CPIM message, either block. {@code name} is as written ({@code From},
 * {@code imdn.Message-ID}, {@code Content-Type}); {@code value} is the text after the colon without surrounding
 * whitespace; {@code parameters} holds the RFC 3862 header parameters as written between the colon and the value
 * (e.g. {@code ;lang=fr} in {@code Subject:;lang=fr beau temps}), or is empty. MIME content headers never have
 * them.
 */
public record CpimHeader(String name, String value, String parameters) {

    public CpimHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(parameters, "parameters");
    }

    /** A header without parameters, the common case. */
    public CpimHeader(String name, String value) {
        this(name, value, "");
    }

    /** The line as written on the wire, without its line end. */
    String toLine() {
        return name + ':' + parameters + ' ' + value;
    }
}
