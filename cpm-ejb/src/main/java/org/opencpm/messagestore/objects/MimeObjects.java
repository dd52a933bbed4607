package org.opencpm.messagestore.objects;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.opencpm.message.SafeXml;

/** What the composers share: the message with its stable identifier, safe header values, dates, XML text. */
final class MimeObjects {

    /** Conversation-ID, Contribution-ID, IMDN-Message-ID, ...: the identifiers in SIP are far shorter. */
    static final int MAX_IDENTIFIER_LENGTH = 256;
    /** One address (From, To, a participant). */
    static final int MAX_ADDRESS_LENGTH = 512;
    static final int MAX_ADDRESSES = 1000;
    /** A longer subject is cut: it is text for people, not an identifier. */
    static final int MAX_SUBJECT_LENGTH = 500;
    /** The SDP (or its media lines) written into a Session Info or file transfer history object. */
    static final int MAX_SDP_LENGTH = 16 * 1024;
    static final int MAX_RECORD_KEY_LENGTH = 1024;

    /** Composing needs no mail provider; a session only carries (no) properties. */
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final DateTimeFormatter RFC_5322_DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private MimeObjects() {
    }

    /** A message whose {@code Message-ID} stays {@link #messageId} of {@code recordKey}, with the common headers. */
    static MimeMessage create(String recordKey, ObjectHeaders h) throws MessagingException {
        MimeMessage m = new StableIdMessage(messageId(recordKey));
        m.setHeader("From", header("From", h.from(), MAX_ADDRESS_LENGTH));
        if (!h.to().isEmpty()) {
            m.setHeader("To", addresses("To", h.to()));
        }
        m.setHeader("Date", RFC_5322_DATE.format(h.date()));
        if (h.subject() != null && !clean(h.subject()).isEmpty()) {
            String subject = clean(h.subject());
            m.setHeader("Subject", fold("Subject", encode(subject.length() > MAX_SUBJECT_LENGTH
                    ? subject.substring(0, MAX_SUBJECT_LENGTH) : subject)));
        }
        if (h.conversationId() != null) {
            m.setHeader("Conversation-ID", header("Conversation-ID", h.conversationId(), MAX_IDENTIFIER_LENGTH));
        }
        if (h.contributionId() != null) {
            m.setHeader("Contribution-ID", header("Contribution-ID", h.contributionId(), MAX_IDENTIFIER_LENGTH));
        }
        if (h.inReplyToContributionId() != null) {
            m.setHeader("InReplyTo-Contribution-ID",
                    header("InReplyTo-Contribution-ID", h.inReplyToContributionId(), MAX_IDENTIFIER_LENGTH));
        }
        if (h.direction() != null) {
            m.setHeader("Message-Direction", h.direction().value());
        }
        return m;
    }

    /** Saves the headers (MIME-Version, Content-Type of multiparts, the Message-ID) and wraps the result. */
    static StoredObject finish(StoredObject.Kind kind, MimeMessage m) throws MessagingException {
        m.saveChanges();
        return new StoredObject(kind, m.getMessageID(), m);
    }

    /**
     * {@code <hex@opencpm>}: the first 128 bits of the SHA-256 of the record key, so any key (an outbox row, a
     * Contribution-ID and a direction, ...) gives a short identifier that does not reveal it.
     */
    static String messageId(String recordKey) {
        if (recordKey == null || recordKey.isBlank()) {
            throw new IllegalArgumentException("a record key is required: it makes the object's stable Message-ID");
        }
        if (recordKey.length() > MAX_RECORD_KEY_LENGTH) {
            throw new IllegalArgumentException("record key longer than " + MAX_RECORD_KEY_LENGTH + " characters");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(recordKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@opencpm>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A required header value: cleaned, not empty, at most {@code max} characters, encoded, folded. */
    static String header(String name, String value, int max) {
        return fold(name, encode(checked(name, value, max)));
    }

    /** A comma-separated address list of at most {@value #MAX_ADDRESSES}. */
    static String addresses(String name, List<String> addresses) {
        return fold(name, encode(String.join(", ", checkedAll(name, addresses))));
    }

    /** Each value cleaned and checked as {@link #checked}; at most {@value #MAX_ADDRESSES} of them. */
    static List<String> checkedAll(String name, List<String> values) {
        if (values.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException(name + ": more than " + MAX_ADDRESSES + " addresses");
        }
        return values.stream().map(v -> checked(name, v, MAX_ADDRESS_LENGTH)).toList();
    }

    /** {@code value} {@link #clean}ed, refused when null, empty or longer than {@code max}. */
    static String checked(String name, String value, int max) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        String clean = clean(value);
        if (clean.isEmpty()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        if (clean.length() > max) {
            throw new IllegalArgumentException(name + " is longer than " + max + " characters");
        }
        return clean;
    }

    /**
     * Control characters (C0, DEL, C1: CR and LF among them) become spaces, lone surrogates U+FFFD; leading and
     * trailing white space goes. What is left cannot break a header or an XML document's structure.
     */
    static String clean(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                b.append(' ');
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                b.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString().strip();
    }

    /** ASCII as it is; anything else as RFC 2047 encoded words in UTF-8. */
    static String encode(String clean) {
        if (clean.chars().allMatch(c -> c < 0x80)) {
            return clean;
        }
        try {
            return MimeUtility.encodeText(clean, "UTF-8", null);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("every JDK has UTF-8", e);
        }
    }

    /** Folded at white space so that no header line grows past what RFC 5322 allows. */
    static String fold(String name, String value) {
        return MimeUtility.fold(name.length() + 2, value);
    }

    /** A media type with its parameters, checked. */
    static ContentType contentType(String value) {
        String clean = checked("Content-Type", value, MAX_IDENTIFIER_LENGTH);
        try {
            ContentType type = new ContentType(clean);
            if (type.getPrimaryType().isEmpty() || type.getSubType().isEmpty()) {
                throw new IllegalArgumentException("Content-Type is not type/subtype: " + clean);
            }
            return type;
        } catch (ParseException e) {
            throw new IllegalArgumentException("Content-Type cannot be parsed: " + clean, e);
        }
    }

    /**
     * How {@code content} of {@code type} travels in the stored object: 7bit or 8bit when its lines are short
     * CRLF-ended text, binary when only its line ends or lengths are not, base64 for content with NUL octets, which
     * an IMAP literal cannot carry (RFC 3501 CHAR8). RFC 2046 allows no encoding but 7bit, 8bit or binary for
     * message/* and multipart/* types, so such content with NUL octets is refused.
     */
    static String transferEncoding(byte[] content, ContentType type) {
        boolean ascii = true;
        boolean lines = true;
        int lineLength = 0;
        for (int i = 0; i < content.length; i++) {
            int b = content[i] & 0xFF;
            if (b == 0) {
                if (type.match("message/*") || type.match("multipart/*")) {
                    throw new IllegalArgumentException(type.getBaseType() + " content with NUL octets cannot be "
                            + "stored over IMAP (RFC 2046 allows it no base64)");
                }
                return "base64";
            }
            if (b >= 0x80) {
                ascii = false;
            }
            if (b == '\r' && i + 1 < content.length && content[i + 1] == '\n') {
                i++;
                lineLength = 0;
            } else if (b == '\r' || b == '\n' || ++lineLength > 998) {
                lines = false;
            }
        }
        return !lines ? "binary" : ascii ? "7bit" : "8bit";
    }

    /** {@code text} as XML element content, characters XML 1.0 cannot carry replaced by U+FFFD. */
    static StringBuilder xmlText(StringBuilder xml, String text) {
        return SafeXml.appendText(xml, carriable(text));
    }

    static StringBuilder xmlAttribute(StringBuilder xml, String text) {
        return SafeXml.appendAttribute(xml, carriable(text));
    }

    private static String carriable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (SafeXml.canCarry(Character.toString(c))) {
                b.appendCodePoint(c);
            } else {
                b.append('\uFFFD');
            }
        });
        return b.toString();
    }

    /** A multipart/related whose root is of {@code rootType} (RFC 2387 {@code type} parameter, SD examples). */
    static MimeMultipart related(String rootType) throws MessagingException {
        return new RelatedMultipart(rootType);
    }

    private static final class RelatedMultipart extends MimeMultipart {
        RelatedMultipart(String rootType) throws ParseException {
            super("related");
            ContentType type = new ContentType(contentType);
            type.setParameter("type", rootType);
            contentType = type.toString();
        }
    }

    /** Keeps the identifier it was given: Jakarta Mail would otherwise make a new one at every save. */
    private static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(String id) {
            super(SESSION);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
