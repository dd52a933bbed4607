package org.opencpm.sipservlets.controlling;

import java.util.List;
import java.util.Optional;
import org.opencpm.message.multipart.MultipartMixed;
import org.opencpm.message.resourcelists.RecipientListMessage;
import org.opencpm.message.resourcelists.ResourceListFormatException;
import org.opencpm.participating.BadMessageException;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;
import org.opencpm.sipservlets.participating.MessageReader;

/** Reads a request to a URI list, MESSAGE (RFC 5365) or INVITE (RFC 5366), answering what is wrong with it. */
final class RecipientListRequests {

    private RecipientListRequests() {
    }

    /**
     * The request's recipient list and the part beside it, or empty once the request was answered: 421 without
     * {@code optionTag} (without it the request did not ask for the URI-list service), 415 for a body that is not
     * {@code multipart/mixed}, 413 for a list over {@code maxEntries} or a body over the limit, else 400.
     */
    static Optional<RecipientListMessage> read(SipServletRequest request, String optionTag, int maxEntries) {
        if (!MessageReader.requiredOptionTags(request).contains(optionTag)) {
            SipServletResponse needed = request.createResponse(421, "Extension Required");
            needed.setHeader("Require", optionTag);
            needed.send();
            return Optional.empty();
        }
        String type = request.getContentType();
        if (type == null || !MultipartMixed.MEDIA_TYPE.equals(MultipartMixed.bareValue(type))) {
            MessageReader.refuse(request, new BadMessageException(415, "a recipient list comes as "
                    + MultipartMixed.MEDIA_TYPE), List.of(MultipartMixed.MEDIA_TYPE));
            return Optional.empty();
        }
        try {
            return Optional.of(RecipientListMessage.parse(type, request.getRawContent(), maxEntries));
        } catch (ResourceListFormatException e) {
            int status = e.overLimit() ? 413 : 400;
            request.createResponse(status, (status == 413 ? "Request Entity Too Large (" : "Bad Request (")
                    + e.getMessage() + ")").send();
            return Optional.empty();
        }
    }
}
