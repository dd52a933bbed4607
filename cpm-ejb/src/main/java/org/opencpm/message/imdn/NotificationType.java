package org.opencpm.message.imdn;

import java.util.Locale;
import java.util.regex.Pattern;

/** The three disposition types of RFC 5438 sec 5. */
public enum NotificationType {
    DELIVERY,
    DISPLAY,
    PROCESSING;

    // A status name from the wire goes into a reason phrase only when it is short and plain.
    private static final Pattern SHOWABLE = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    /** The element that carries this type in an IMDN document, e.g. {@code delivery-notification}. */
    public String xmlName() {
        return name().toLowerCase(Locale.ROOT) + "-notification";
    }

    /** Checks that {@code status} is a status element name this type defines. */
    void checkStatus(String status) {
        switch (this) {
            case DELIVERY -> DeliveryStatus.fromXml(status);
            case DISPLAY -> DisplayStatus.fromXml(status);
            case PROCESSING -> ProcessingStatus.fromXml(status);
        }
    }

    ImdnFormatException unknownStatus(String status) {
        String reason = "IMDN " + name().toLowerCase(Locale.ROOT) + " status unknown";
        return new ImdnFormatException(
                status != null && SHOWABLE.matcher(status).matches() ? reason + ": " + status : reason);
    }
}
