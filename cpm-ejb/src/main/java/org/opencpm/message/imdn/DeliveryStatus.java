package org.opencpm.message.imdn;

import java.util.Locale;

/**
 * The statuses of a delivery notification in the RFC 5438 IMDN schema, each written as an empty element inside
 * {@code <status>}.
 */
public enum DeliveryStatus {
    DELIVERED,
    FAILED,
    FORBIDDEN,
    ERROR;

    /** The element name inside {@code <status>}, e.g. {@code delivered}. */
    public String xmlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status an element name stands for; names compare exactly, as XML names do.
     *
     * @throws ImdnFormatException for a name RFC 5438 does not define for delivery notifications
     */
    public static DeliveryStatus fromXml(String xmlName) {
        for (DeliveryStatus status : values()) {
            if (status.xmlName().equals(xmlName)) {
                return status;
            }
        }
        throw NotificationType.DELIVERY.unknownStatus(xmlName);
    }
}
