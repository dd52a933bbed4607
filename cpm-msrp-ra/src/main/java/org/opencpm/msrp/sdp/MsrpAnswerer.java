package org.opencpm.msrp.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencpm.msrp.codec.MsrpUri;

/**
 * Builds the answer to an MSRP offer (RFC 3264 with RFC 4975 sec 8 and RFC 6135): one MSRP stream is taken, every
 * other media line is declined with port 0 in its place; the accepted stream gets this side's path, the content
 * types both sides take, the setup role that fits the offer, and a direction within what the offer allows.
 */
public final class MsrpAnswerer {

    /** RFC 4145 sec 4: an active endpoint listens nowhere; port 9 (discard) is what it writes. */
    static final int ACTIVE_PORT = 9;

    private MsrpAnswerer() {
    }

    /**
     * The answer to a whole offer: the first MSRP stream in use is answered, the rest declined.
     *
     * @param local this side's MSRP URI, the answer's {@code a=path}
     * @throws SdpNegotiationException when there is no MSRP stream to take or it cannot be agreed
     */
    public static SessionDescription answer(SessionDescription offer, SdpOrigin origin, SdpConnection connection,
            MsrpUri local, AnswerPolicy policy) {
        List<SdpMedia> media = new ArrayList<>();
        boolean answered = false;
        for (SdpMedia m : offer.media()) {
            if (!answered && m instanceof MsrpMedia && m.port() != 0) {
                media.add(answer((MsrpMedia) m, offer.direction(m), local, policy));
                answered = true;
            } else {
                media.add(declined(m));
            }
        }
        if (!answered) {
            throw new SdpNegotiationException("SDP offer has no MSRP media");
        }
        // RFC 3264 sec 6: the answer keeps the offer's t= line.
        return new SessionDescription(origin, "-", connection, offer.timing(), null, List.of(), media);
    }

    /**
     * The answer to one MSRP stream; {@code offeredDirection} is its effective direction in the offer.
     *
     * @throws SdpNegotiationException when the transports differ or no accepted type is common
     */
    public static MsrpMedia answer(MsrpMedia offer, Direction offeredDirection, MsrpUri local, AnswerPolicy policy) {
        if (offer.port() == 0) {
            return declined(offer);
        }
        if ((offer.transport() == MsrpTransport.TLS) != local.secure()) {
            throw new SdpNegotiationException("SDP offer over " + offer.transport().protocol() + " needs an "
                    + (local.secure() ? "msrp" : "msrps") + " path here");
        }
        List<String> types = AcceptTypes.intersect(offer.acceptTypes(), policy.acceptTypes());
        if (types.isEmpty()) {
            throw new SdpNegotiationException("SDP offer has no accept-types in common");
        }
        Optional<Setup> setup = Setup.answerTo(offer.setup(), policy.whenActpass());
        Direction direction = Direction.answerTo(offeredDirection, policy.direction());
        MsrpMedia.Builder b = MsrpMedia.builder()
                .port(setup.equals(Optional.of(Setup.ACTIVE)) ? ACTIVE_PORT : local.effectivePort())
                .transport(offer.transport())
                .path(List.of(local))
                .acceptTypes(types)
                .acceptWrappedTypes(AcceptTypes.intersect(offer.acceptWrappedTypes(), policy.acceptWrappedTypes()))
                .maxSize(policy.maxSize())
                .setup(setup.orElse(null))
                // RFC 4566 sec 6: sendrecv is the default and goes unwritten.
                .direction(direction == Direction.SENDRECV ? null : direction);
        offer.attributes().stream().filter(a -> policy.echoedAttributes().contains(a.name())).forEach(b::attribute);
        return b.build();
    }

    /** A media line declined: port 0, its protocol and formats, nothing else (RFC 3264 sec 6). */
    private static SdpMedia declined(SdpMedia m) {
        return m instanceof OtherMedia ? ((OtherMedia) m).declined() : declined((MsrpMedia) m);
    }

    private static MsrpMedia declined(MsrpMedia offer) {
        return MsrpMedia.builder().port(0).transport(offer.transport()).formats(offer.formats()).build();
    }
}
