package org.opencpm.msrp.sdp;

import java.util.List;

/**
 * The RFC 5547 file transfer attributes of an MSRP media description, typed from the attributes kept as written:
 * the description's lines stay exactly as read, and each of these is checked and read once. Every one at most once
 * per media description.
 */
final class FileAttributes {

    static final String SELECTOR = FileSelector.ATTRIBUTE;
    static final String TRANSFER_ID = "file-transfer-id";
    static final String DISPOSITION = "file-disposition";
    static final String DATE = FileDate.ATTRIBUTE;
    static final String ICON = "file-icon";
    static final String RANGE = FileRange.ATTRIBUTE;
    static final List<String> NAMES = List.of(SELECTOR, TRANSFER_ID, DISPOSITION, DATE, ICON, RANGE);
    /** RFC 5547 ids are random tokens of some 32 characters; much longer ones are refused. */
    static final int MAX_TRANSFER_ID_LENGTH = 256;
    static final int MAX_DISPOSITION_LENGTH = 64;
    static final int MAX_ICON_LENGTH = 1024;

    final FileSelector selector;
    final String transferId;
    final String disposition;
    final FileDate date;
    final String icon;
    final FileRange range;

    private FileAttributes(FileSelector selector, String transferId, String disposition, FileDate date, String icon,
            FileRange range) {
        this.selector = selector;
        this.transferId = transferId;
        this.disposition = disposition;
        this.date = date;
        this.icon = icon;
        this.range = range;
    }

    /** @throws SdpFormatException if one of them is malformed or given twice */
    static FileAttributes of(List<SdpAttribute> attributes) {
        String[] values = new String[NAMES.size()];
        boolean[] seen = new boolean[NAMES.size()];
        for (SdpAttribute a : attributes) {
            int i = NAMES.indexOf(a.name());
            if (i < 0) {
                continue;
            }
            if (seen[i]) {
                throw new SdpFormatException("SDP media has more than one a=" + a.name());
            }
            seen[i] = true;
            // Only a=file-selector may stand without a value (RFC 5547 sec 6).
            if (a.value() == null && i != 0) {
                throw FileSyntax.malformed(a.name(), "no value");
            }
            values[i] = a.value();
        }
        return new FileAttributes(seen[0] ? FileSelector.parse(values[0]) : null,
                values[1] == null ? null : transferId(values[1]),
                values[2] == null ? null : disposition(values[2]),
                values[3] == null ? null : FileDate.parse(values[3]),
                values[4] == null ? null : icon(values[4]),
                values[5] == null ? null : FileRange.parse(values[5]));
    }

    /** RFC 5547 sec 6: file-tr-id-value = token. */
    static String transferId(String value) {
        return FileSyntax.token(TRANSFER_ID, "id", value, MAX_TRANSFER_ID_LENGTH);
    }

    /** RFC 5547 sec 6: file-disp-value = token, e.g. {@code render} or {@code attachment}. */
    static String disposition(String value) {
        return FileSyntax.token(DISPOSITION, "disposition", value, MAX_DISPOSITION_LENGTH);
    }

    /** RFC 5547 sec 6: file-icon-value = cid-url (RFC 2392), naming a body part of the SIP message. */
    static String icon(String value) {
        if (value.length() > MAX_ICON_LENGTH || !value.regionMatches(true, 0, "cid:", 0, 4) || value.length() == 4
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw FileSyntax.malformed(ICON, "cid: URL of at most " + MAX_ICON_LENGTH + " characters expected");
        }
        return value;
    }
}
