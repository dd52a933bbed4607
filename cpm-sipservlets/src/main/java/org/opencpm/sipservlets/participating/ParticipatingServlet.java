package org.opencpm.sipservlets.participating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;
import javax.sip.address.SipURI;
import org.opencpm.authentication.CredentialsSource;
import org.opencpm.user.DigestCredentials;
import org.opencpm.participating.DeliveryOutcome;
import org.opencpm.participating.PagerModeLimits;
import org.opencpm.registrar.ActiveContact;
import org.opencpm.registrar.LocationService;
import org.opencpm.sip.api.ServletName;
import org.opencpm.sip.api.SipApplicationSession;
import org.opencpm.sip.api.SipServlet;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;
import org.opencpm.sipservlets.CoreSettings;
import org.opencpm.sipservlets.security.SipDigestGuard;

/**
 * Pager-mode standalone messages 1-1 (OMA CPM SD 5.2.2.1.1 and 5.2.2.1.3): the sender must be an authenticated
 * user of this domain writing as themselves; the message goes as a copy to each registered device of the
 * recipient, on its own leg, with every end-to-end header (Conversation-ID, Contribution-ID,
 * InReplyTo-Contribution-ID, ...) and the body unchanged; the sender gets 200 once one device accepted.
 */
@ServletName("participating")
@ApplicationScoped
public class ParticipatingServlet extends SipServlet {

    private static final Logger LOG = Logger.getLogger(ParticipatingServlet.class.getName());
    private static final String ORIGINAL = "pf.original";
    private static final String OUTCOME = "pf.outcome";
    private static final javax.sip.address.AddressFactory ADDRESSES = new gov.nist.javax.sip.address.AddressFactoryImpl();

    private LocationService location;
    private SipDigestGuard guard;
    private CredentialsSource users;
    private CoreSettings settings;

    protected ParticipatingServlet() {
    }

    @Inject
    public ParticipatingServlet(LocationService location, SipDigestGuard guard, CredentialsSource users,
                                CoreSettings settings) {
        this.location = location;
        this.guard = guard;
        this.users = users;
        this.settings = settings;
    }

    @Override
    protected void doMessage(SipServletRequest request) {
        Optional<DigestCredentials> sender = guard.authenticate(request, SipDigestGuard.Role.PROXY);
        if (sender.isEmpty()) {
            return;
        }
        String senderAddress = settings.addressOf(sender.get().username());
        if (!senderAddress.equals(canonical(request.getFrom().getURI()))) {
            request.createResponse(403, "Forbidden (From is not the authenticated user)").send();
            return;
        }
        if (PagerModeLimits.tooLargeForPagerMode(request.getContentLength())) {
            SipServletResponse tooLarge = request.createResponse(413, "Request Entity Too Large");
            tooLarge.setHeader("Warning", PagerModeLimits.warningFor(settings.domain()));
            tooLarge.send();
            return;
        }
        if (!(request.getRequestURI() instanceof SipURI target) || target.getUser() == null
                || users.credentials(target.getUser(), settings.domain()).isEmpty()) {
            request.createResponse(404, "Not Found (no such user)").send();
            return;
        }
        String recipient = settings.addressOf(target.getUser());
        List<ActiveContact> devices = location.contactsOf(recipient);
        if (devices.isEmpty()) {
            request.createResponse(480, "Temporarily Unavailable (no registered device)").send();
            return;
        }
        SipApplicationSession app = request.getApplicationSession();
        app.setAttribute(ORIGINAL, request);
        app.setAttribute(OUTCOME, new DeliveryOutcome(devices.size()));
        Map<String, List<String>> asserted = Map.of("P-Asserted-Identity", List.of("<" + senderAddress + ">"));
        for (ActiveContact device : devices) {
            SipServletRequest copy = request.getB2buaHelper().createRequest(request, false, asserted);
            copy.setRequestURI(uriOf(device.uri()));
            copy.send();
        }
    }

    @Override
    protected void doResponse(SipServletResponse response) {
        if (response.getStatus() < 200) {
            return;
        }
        SipApplicationSession app = response.getApplicationSession();
        DeliveryOutcome outcome = (DeliveryOutcome) app.getAttribute(OUTCOME);
        SipServletRequest original = (SipServletRequest) app.getAttribute(ORIGINAL);
        if (outcome == null || original == null) {
            return; // the application session already completed
        }
        OptionalInt answer = outcome.onFinalResponse(response.getStatus());
        if (answer.isPresent() && !original.isCommitted()) {
            original.createResponse(answer.getAsInt()).send();
        }
        if (outcome.allDevicesAnswered()) {
            app.invalidate();
        }
        LOG.fine(() -> "device answered " + response.getStatus() + " for MESSAGE " + original.getCallId());
    }

    private static javax.sip.address.URI uriOf(String uri) {
        try {
            return ADDRESSES.createURI(uri);
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("stored contact is not a URI: " + uri, e);
        }
    }

    private static String canonical(javax.sip.address.URI uri) {
        if (uri instanceof SipURI sip && sip.getUser() != null) {
            return "sip:" + sip.getUser() + "@" + sip.getHost().toLowerCase(java.util.Locale.ROOT);
        }
        return uri.toString();
    }
}
