package org.opencpm.message.imdn;

import java.util.Locale;

/**
 * The statuses of a processing notification in the RFC 5438 IMDN schema, each written as an empty element inside
 * {@code <status>}.
 */
public enum ProcessingStatus {
    PROCESSED,
    STORED,
    FORBIDDEN,
    ERROR;

    /** The element name inside {@code <status>}, e.g. {@code processed}. */
    public String xmlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status an element name stands for; names compare exactly, as XML names do.
     *
     * @throws ImdnFormatException for a name RFC 5438 does not define for processing notifications
     */
    public static ProcessingStatus fromXml(String xmlName) {
        for (ProcessingStatus status : values()) {
            if (status.xmlName().equals(xmlName)) {
                return status;
            }
        }
        throw NotificationType.PROCESSING.unknownStatus(xmlName);
    }
}
