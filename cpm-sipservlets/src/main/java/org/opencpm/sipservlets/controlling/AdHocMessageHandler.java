package org.opencpm.sipservlets.controlling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.opencpm.controlling.ControllingPolicy;
import org.opencpm.message.resourcelists.RecipientListMessage;
import org.opencpm.message.resourcelists.ResourceEntry;
import org.opencpm.participating.BadMessageException;
import org.opencpm.participating.PagerModeLimits;
import org.opencpm.participating.PayloadInspector;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.preference.CanonicalUri;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;
import org.opencpm.sipservlets.CoreSettings;
import org.opencpm.sipservlets.participating.MessageReader;

/**
 * A standalone message to a CPM Ad-hoc Group (OMA CPM SD 5.2.3.4, 5.2.2.1.2): a MESSAGE to the CF's ad-hoc
 * address whose body is the RFC 5365 {@code multipart/mixed} of a resource list and the message. The service
 * provider's policy bounds the list; then each listed recipient but the sender gets a copy, with the sender's
 * From, through their terminating PF. Recipients see the message as a 1-1 message from the sender: the list is
 * not passed on (bcc recipients stay hidden; RFC 5364's recipient-list-history is optional and left out).
 */
@ApplicationScoped
public class AdHocMessageHandler {

    private static final Logger LOG = Logger.getLogger(AdHocMessageHandler.class.getName());

    private ControllingPolicy policy;
    private CoreSettings settings;
    private CopyDistributor distributor;

    protected AdHocMessageHandler() {
    }

    @Inject
    public AdHocMessageHandler(ControllingPolicy policy, CoreSettings settings, CopyDistributor distributor) {
        this.policy = policy;
        this.settings = settings;
        this.distributor = distributor;
    }

    /** Whether {@code user} (a Request-URI user part of the home domain) names the ad-hoc address. */
    public boolean isAdHocAddress(String user) {
        return policy.adHocUser().equalsIgnoreCase(user);
    }

    /**
     * Reads, checks and distributes the request from the authenticated {@code sender}; answers it: 202 once the
     * copies are on their way, or the refusal.
     */
    public void distribute(SipServletRequest request, String sender) {
        Optional<RecipientListMessage> read = RecipientListRequests.read(request,
                RecipientListMessage.REQUIRE_OPTION_TAG, policy.maxAdHocRecipients());
        if (read.isEmpty()) {
            return;
        }
        RecipientListMessage listed = read.get();
        if (PagerModeLimits.tooLargeForPagerMode(listed.innerBody().length)) {
            SipServletResponse tooLarge = request.createResponse(413, "Request Entity Too Large");
            tooLarge.setHeader("Warning", PagerModeLimits.warningFor(settings.domain()));
            tooLarge.send();
            return;
        }
        List<String> recipients;
        StandaloneMessage message;
        try {
            recipients = recipients(listed, sender);
            message = MessageReader.read(request, listed.innerContentType(), listed.innerBody(),
                    policy.adHocUser(), address(), sender);
        } catch (BadMessageException e) {
            MessageReader.refuse(request, e, PayloadInspector.ACCEPTED);
            return;
        }
        int copies = distributor.distribute(message, address(), message.fromHeader(), message.headerLines(),
                recipients);
        if (copies == 0) {
            request.createResponse(404, "Not Found (no listed recipient is reachable)").send();
            return;
        }
        LOG.fine(() -> "ad-hoc message from " + sender + ": " + copies + " of " + recipients.size() + " copies");
        request.createResponse(202, "Accepted").send();
    }

    private String address() {
        return settings.addressOf(policy.adHocUser());
    }

    /** The listed recipients in canonical form, each once, without the sender (RFC 5365 sec 4). */
    static List<String> recipients(RecipientListMessage listed, String sender) {
        Set<String> recipients = new LinkedHashSet<>();
        for (ResourceEntry entry : listed.recipients().entries()) {
            try {
                recipients.add(CanonicalUri.of(entry.uri()));
            } catch (IllegalArgumentException e) {
                throw new BadMessageException(400, "recipient list entry " + e.getMessage());
            }
        }
        recipients.remove(sender); // the sender has the message already
        if (recipients.isEmpty()) {
            throw new BadMessageException(400, "recipient list names no one but the sender");
        }
        return new ArrayList<>(recipients);
    }
}
