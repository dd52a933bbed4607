package org.opencpm.message.imdn;

import java.util.Locale;

/**
 * The statuses of a display notification in the RFC 5438 IMDN schema, each written as an empty element inside
 * {@code <status>}.
 */
public enum DisplayStatus {
    DISPLAYED,
    FORBIDDEN,
    ERROR;

    /** The element name inside {@code <status>}, e.g. {@code displayed}. */
    public String xmlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status an element name stands for; names compare exactly, as XML names do.
     *
     * @throws ImdnFormatException for a name RFC 5438 does not define for display notifications
     */
    public static DisplayStatus fromXml(String xmlName) {
        for (DisplayStatus status : values()) {
            if (status.xmlName().equals(xmlName)) {
                return status;
            }
        }
        throw NotificationType.DISPLAY.unknownStatus(xmlName);
    }
}
