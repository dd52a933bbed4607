package org.opencpm.registrar;

import java.util.List;

/**
 * What a REGISTER asks for. {@code wildcard} is {@code Contact: *} (remove every binding); {@code expires} is the
 * Expires header (null when absent); {@code receivedFrom} is the transport and source address.
 */
public record RegisterCommand(String aor, String callId, long cseq, List<ContactUpdate> contacts, boolean wildcard,
                              Integer expires, String receivedFrom) {
}
