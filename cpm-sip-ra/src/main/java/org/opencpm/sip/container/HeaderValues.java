package org.opencpm.sip.container;

import javax.sip.header.Header;

/** Header value text as it stands on the wire, without the name. */
final class HeaderValues {

    private HeaderValues() {
    }

    static String valueOf(Header header) {
        String encoded = header.toString();
        int colon = encoded.indexOf(':');
        return (colon < 0 ? encoded : encoded.substring(colon + 1)).trim();
    }
}
