package org.opencpm.registrar;

/**
 * One Contact of a REGISTER: its URI, its other header parameters as written (feature tags, +sip.instance),
 * the instance id when present, and its own expires parameter (null when absent).
 */
public record ContactUpdate(String uri, String params, String instanceId, Integer expires) {
}
