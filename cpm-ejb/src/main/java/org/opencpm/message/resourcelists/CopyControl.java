package org.opencpm.message.resourcelists;

/**
 * How a recipient sees the others in a MESSAGE to many: the RFC 5364 {@code copyControl} attribute. An entry
 * without it is {@link #TO} (RFC 5364 sec 4).
 */
public enum CopyControl {
    TO("to"),
    CC("cc"),
    BCC("bcc");

    private final String xmlValue;

    CopyControl(String xmlValue) {
        this.xmlValue = xmlValue;
    }

    public String xmlValue() {
        return xmlValue;
    }

    /** The value as the schema spells it, exactly: {@code to}, {@code cc} or {@code bcc}. */
    public static CopyControl fromXml(String value) {
        for (CopyControl c : values()) {
            if (c.xmlValue.equals(value)) {
                return c;
            }
        }
        throw ResourceListFormatException.showing("resource list copyControl unknown", value);
    }
}
