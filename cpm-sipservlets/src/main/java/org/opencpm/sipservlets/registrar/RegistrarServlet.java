package org.opencpm.sipservlets.registrar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sip.address.SipURI;
import org.opencpm.authentication.CredentialsSource;
import org.opencpm.user.DigestCredentials;
import org.opencpm.registrar.ActiveContact;
import org.opencpm.registrar.LocationService;
import org.opencpm.registrar.RegisterCommand;
import org.opencpm.registrar.RegistrationException;
import org.opencpm.sip.api.ServletName;
import org.opencpm.sip.api.SipServlet;
import org.opencpm.sip.api.SipServletRequest;
import org.opencpm.sip.api.SipServletResponse;
import org.opencpm.sipservlets.CoreSettings;
import org.opencpm.sipservlets.participating.DeferredPusher;
import org.opencpm.sipservlets.security.SipDigestGuard;

/**
 * Registrar (RFC 3261 section 10.3): a provisioned user of the home domain, authenticated by digest, binds,
 * refreshes or removes the contacts of their own address of record. A registered client is the moment deferred
 * messages can be pushed to it.
 */
@ServletName("registrar")
@ApplicationScoped
public class RegistrarServlet extends SipServlet {

    private static final Logger LOG = Logger.getLogger(RegistrarServlet.class.getName());

    private LocationService location;
    private SipDigestGuard guard;
    private CredentialsSource users;
    private CoreSettings settings;
    private DeferredPusher deferred;

    protected RegistrarServlet() {
    }

    @Inject
    public RegistrarServlet(LocationService location, SipDigestGuard guard, CredentialsSource users,
                            CoreSettings settings, DeferredPusher deferred) {
        this.location = location;
        this.guard = guard;
        this.users = users;
        this.settings = settings;
        this.deferred = deferred;
    }

    @Override
    protected void doRegister(SipServletRequest request) {
        if (!(request.getTo().getURI() instanceof SipURI to) || to.getUser() == null
                || !settings.domain().equalsIgnoreCase(to.getHost())) {
            request.createResponse(404, "Not Found (not an address of this domain)").send();
            return;
        }
        String user = to.getUser();
        if (users.credentials(user, settings.domain()).isEmpty()) {
            request.createResponse(404, "Not Found (unknown user)").send();
            return;
        }
        Optional<DigestCredentials> who = guard.authenticate(request, SipDigestGuard.Role.REGISTRAR);
        if (who.isEmpty()) {
            return;
        }
        if (!who.get().username().equals(user)) {
            request.createResponse(403, "Forbidden (may only register one's own address)").send();
            return;
        }
        String aor = settings.addressOf(user);
        List<ActiveContact> contacts;
        try {
            RegisterCommand command = RegisterRequestReader.read(request, aor);
            contacts = command.contacts().isEmpty() && !command.wildcard()
                    ? location.contactsOf(aor) // a query: RFC 3261 section 10.2.3
                    : location.register(command);
        } catch (RegistrationException e) {
            SipServletResponse error = request.createResponse(e.status(), e.getMessage());
            if (e.minExpires() != null) {
                error.setHeader("Min-Expires", e.minExpires().toString());
            }
            error.send();
            return;
        }
        SipServletResponse ok = request.createResponse(200);
        for (ActiveContact c : contacts) {
            ok.addHeader("Contact", c.contactHeaderValue());
        }
        ok.setHeader("Date", DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)
                .format(ZonedDateTime.now(ZoneOffset.UTC)));
        ok.send();
        LOG.fine(() -> aor + " has " + contacts.size() + " contact(s)");
        if (!contacts.isEmpty()) {
            deferred.drain(user, DeferredPusher.Trigger.REGISTRATION); // OMA CPM SD 5.2.5.2
        }
    }
}
