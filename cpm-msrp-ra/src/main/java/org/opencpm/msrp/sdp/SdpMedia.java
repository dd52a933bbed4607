package org.opencpm.msrp.sdp;

import java.util.List;

/** One media description of an SDP body: an MSRP stream, or any other kept as written. */
public sealed interface SdpMedia permits MsrpMedia, OtherMedia {

    /** The media of the m= line, {@code message} for MSRP. */
    String media();

    /** The port of the m= line; 0 is a stream rejected or disabled (RFC 3264 sec 6). */
    int port();

    /** The lines of the description, m= first, without line ends. */
    List<String> lines();
}
