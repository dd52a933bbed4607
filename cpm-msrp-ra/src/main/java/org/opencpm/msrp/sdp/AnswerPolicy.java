package org.opencpm.msrp.sdp;

import java.util.List;
import java.util.Objects;

/**
 * What this side is willing to agree to when answering an MSRP offer.
 *
 * @param acceptTypes the types it takes, wildcards allowed; the answer carries those the offer takes too
 * @param acceptWrappedTypes the same for {@code a=accept-wrapped-types}
 * @param maxSize the {@code a=max-size} to announce, negative for none
 * @param whenActpass {@link Setup#ACTIVE} or {@link Setup#PASSIVE}: the role taken when the offerer lets this side
 *     choose (RFC 6135); active suits a server that must reach the client through NAT
 * @param direction the direction it wants; the answer gives no more than the offer allows
 * @param echoedAttributes names of offered attributes to copy into the answer as they are, e.g.
 *     {@code file-selector} and {@code file-transfer-id} to accept an RFC 5547 file transfer
 */
public record AnswerPolicy(List<String> acceptTypes, List<String> acceptWrappedTypes, long maxSize,
        Setup whenActpass, Direction direction, List<String> echoedAttributes) {

    public AnswerPolicy {
        acceptTypes = AcceptTypes.checked("accept-types", acceptTypes);
        acceptWrappedTypes = AcceptTypes.checked("accept-wrapped-types", acceptWrappedTypes);
        Objects.requireNonNull(direction, "direction");
        echoedAttributes = List.copyOf(echoedAttributes);
        if (whenActpass != Setup.ACTIVE && whenActpass != Setup.PASSIVE) {
            throw new IllegalArgumentException("actpass is answered with active or passive");
        }
    }
}
