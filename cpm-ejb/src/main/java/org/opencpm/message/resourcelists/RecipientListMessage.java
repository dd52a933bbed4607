package org.opencpm.message.resourcelists;

import java.util.List;
import java.util.Objects;
import org.opencpm.message.multipart.MultipartFormatException;
import org.opencpm.message.multipart.MultipartMixed;

/**
 * The body of a MESSAGE to many (RFC 5365 sec 4): a {@code multipart/mixed} of the recipients, a part of type
 * {@code application/resource-lists+xml} with {@code Content-Disposition: recipient-list} (RFC 5363), and
 * the message itself, of any type, typically {@code message/cpim}. The request carries
 * {@code Require: recipient-list-message} (RFC 5365 sec 5). {@code innerBody} is held as given, not copied.
 */
public record RecipientListMessage(ResourceLists recipients, String innerContentType, byte[] innerBody) {

    public static final String REQUIRE_OPTION_TAG = "recipient-list-message";
    public static final String DISPOSITION = "recipient-list";
    /** Largest multipart body accepted. */
    public static final int MAX_SIZE = 1024 * 1024;

    private static final String CONTENT_TYPE = "Content-Type";
    private static final String CONTENT_DISPOSITION = "Content-Disposition";
    private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";

    public RecipientListMessage {
        Objects.requireNonNull(recipients, "recipients");
        Objects.requireNonNull(innerBody, "innerBody");
        // It becomes a header line of its own, so nothing may end or break it.
        if (innerContentType == null || innerContentType.indexOf('/') < 1
                || innerContentType.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c >= 0x7f)) {
            throw new ResourceListFormatException("message part Content-Type malformed");
        }
    }

    /**
     * Splits a request body into its recipients and its message.
     *
     * @param contentType the request's Content-Type value
     * @param maxEntries most {@code <entry>} elements accepted in the list
     * @throws ResourceListFormatException saying in one line what is wrong
     */
    public static RecipientListMessage parse(String contentType, byte[] body, int maxEntries) {
        try {
            return split(contentType, body, maxEntries);
        } catch (MultipartFormatException e) {
            throw new ResourceListFormatException(e.getMessage());
        }
    }

    private static RecipientListMessage split(String contentType, byte[] body, int maxEntries) {
        Objects.requireNonNull(body, "body");
        if (body.length > MAX_SIZE) {
            throw ResourceListFormatException.overLimit("multipart body too large");
        }
        String boundary = MultipartMixed.boundary(contentType);
        MultipartMixed.Part list = null;
        MultipartMixed.Part message = null;
        for (MultipartMixed.Part part : MultipartMixed.parse(body, boundary)) {
            checkTransferEncoding(part);
            String disposition = part.header(CONTENT_DISPOSITION);
            if (disposition != null && MultipartMixed.bareValue(disposition).equals(DISPOSITION)) {
                if (list != null) {
                    throw new ResourceListFormatException("multipart has more than one recipient-list part");
                }
                String type = part.header(CONTENT_TYPE);
                if (type == null || !MultipartMixed.bareValue(type).equals(ResourceLists.MEDIA_TYPE)) {
                    throw new ResourceListFormatException(
                            "recipient-list part must be " + ResourceLists.MEDIA_TYPE);
                }
                list = part;
            } else {
                if (message != null) {
                    throw new ResourceListFormatException("multipart has more than one message part");
                }
                message = part;
            }
        }
        if (list == null) {
            throw new ResourceListFormatException("multipart has no recipient-list part");
        }
        if (message == null) {
            throw new ResourceListFormatException("multipart has no message part");
        }
        String messageType = message.header(CONTENT_TYPE);
        if (messageType == null) {
            throw new ResourceListFormatException("message part has no Content-Type");
        }
        return new RecipientListMessage(ResourceLists.parse(list.body(), maxEntries), messageType, message.body());
    }

    // SIP bodies are binary (RFC 5621 sec 3.2); an encoded part would reach recipients still encoded.
    private static void checkTransferEncoding(MultipartMixed.Part part) {
        String encoding = part.header(TRANSFER_ENCODING);
        if (encoding != null && !List.of("binary", "8bit", "7bit").contains(MultipartMixed.bareValue(encoding))) {
            throw new ResourceListFormatException("multipart part Content-Transfer-Encoding not supported");
        }
    }

    /** The request Content-Type for a body written with {@code boundary}. */
    public static String contentType(String boundary) {
        try {
            return MultipartMixed.contentType(boundary);
        } catch (MultipartFormatException e) {
            throw new ResourceListFormatException(e.getMessage());
        }
    }

    /** The body as RFC 5365 lays it out: the recipient list first, then the message. */
    public byte[] toMultipart(String boundary) {
        try {
            return MultipartMixed.write(boundary, List.of(
                    new MultipartMixed.Part(List.of(new String[] {CONTENT_TYPE, ResourceLists.MEDIA_TYPE},
                            new String[] {CONTENT_DISPOSITION, DISPOSITION}), recipients.toXml()),
                    new MultipartMixed.Part(List.<String[]>of(new String[] {CONTENT_TYPE, innerContentType}),
                            innerBody)));
        } catch (MultipartFormatException e) {
            throw new ResourceListFormatException(e.getMessage());
        }
    }
}
