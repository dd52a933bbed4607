package org.opencpm.sipservlets.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.opencpm.message.multipart.MultipartMixed;
import org.opencpm.msrp.api.ConnectRole;
import org.opencpm.msrp.codec.MsrpUri;
import org.opencpm.msrp.sdp.MsrpMedia;
import org.opencpm.msrp.sdp.SdpConnection;
import org.opencpm.msrp.sdp.SdpMedia;
import org.opencpm.msrp.sdp.SdpNegotiationException;
import org.opencpm.msrp.sdp.SdpOrigin;
import org.opencpm.msrp.sdp.SessionDescription;
import org.opencpm.msrp.sdp.Setup;

/**
 * The SDP a B2BUA in the media path writes (RFC 4975 sec 8, RFC 3264): the neighbour's offer or answer passed on
 * with this side's own path, setup, origin and connection line, everything else (accept-types, max-size,
 * direction, file attributes) as the neighbour wrote it. Pure.
 */
public final class MediaOffers {

    /** RFC 4145 sec 4: an active endpoint listens nowhere and writes port 9. */
    static final int ACTIVE_PORT = 9;

    private MediaOffers() {
    }

    /**
     * The one MSRP stream of an offer or answer; a session here carries exactly one (OMA CPM SD 5.2.3.1).
     *
     * @throws SdpNegotiationException when there is none in use, or other media too
     */
    public static MsrpMedia msrpOf(SessionDescription sdp) {
        List<MsrpMedia> msrp = sdp.msrpMedia().stream().filter(m -> m.port() != 0).toList();
        if (msrp.isEmpty()) {
            throw new SdpNegotiationException("SDP has no MSRP stream in use");
        }
        if (msrp.size() > 1 || sdp.media().stream().anyMatch(m -> !(m instanceof MsrpMedia) && m.port() != 0)) {
            throw new SdpNegotiationException("SDP has media other than one MSRP stream");
        }
        return msrp.get(0);
    }

    /**
     * {@code from} passed on by this side: its MSRP stream with this side's path and setup ({@code null}
     * to write none), a fresh origin of this side's, and this side's address on the connection line.
     */
    public static SessionDescription relayed(SessionDescription from, List<MsrpUri> ownPath, Setup setup,
                                             SdpOrigin origin) {
        MsrpMedia media = msrpOf(from);
        MsrpUri own = ownPath.get(ownPath.size() - 1);
        MsrpMedia.Builder b = media.toBuilder()
                .path(ownPath)
                .setup(setup)
                .connection(null)
                .port(setup == Setup.ACTIVE ? ACTIVE_PORT : own.effectivePort());
        List<SdpMedia> only = List.of(b.build());
        return new SessionDescription(origin, "-", SdpConnection.of(own.host()), from.timing(),
                from.direction().orElse(null), from.attributes(), only);
    }

    /** A fresh origin for one side of one leg (RFC 4566 sec 5.2: numeric session id and version). */
    public static SdpOrigin origin(String host) {
        String id = Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        return SdpOrigin.of("-", id, "1", host);
    }

    /** The next version of an origin, for a re-offer or its answer (RFC 3264 sec 8). */
    public static SdpOrigin next(SdpOrigin origin) {
        long version = Long.parseLong(origin.sessionVersion()) + 1;
        return new SdpOrigin(origin.username(), origin.sessionId(), Long.toString(version), origin.netType(),
                origin.addrType(), origin.address());
    }

    /** Whether a re-offer keeps the MSRP endpoint already in use: moving it is not relayed here. */
    public static boolean samePeer(MsrpMedia before, MsrpMedia now) {
        return before.path().equals(now.path());
    }

    /**
     * Whether this side opens the connection once offer and answer are agreed (RFC 6135).
     *
     * @throws SdpNegotiationException when the answer contradicts the offer, or for {@code holdconn}
     */
    public static ConnectRole role(Optional<Setup> offer, Optional<Setup> answer, boolean offerer) {
        return ConnectRole.of(Setup.opener(offer, answer), offerer)
                .orElseThrow(() -> new SdpNegotiationException("SDP a=setup:holdconn: no connection to open"));
    }

    /** The setup of an answer (RFC 4145 sec 4.1), the variant deciding only when the offer lets it. */
    public static Optional<Setup> answerSetup(MsrpMedia offer, LinkEstablishment links) {
        return Setup.answerTo(offer.setup(), links.whenActpass());
    }

    /** Whether a Content-Type value is SDP's, whatever its parameters and case. */
    public static boolean isSdp(String contentType) {
        return contentType != null && MultipartMixed.bareValue(contentType).equals("application/sdp");
    }
}
