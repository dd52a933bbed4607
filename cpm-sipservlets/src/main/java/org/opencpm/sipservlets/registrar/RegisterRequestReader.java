package org.opencpm.sipservlets.registrar;

import gov.nist.javax.sip.header.HeaderFactoryImpl;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import org.opencpm.registrar.ContactUpdate;
import org.opencpm.registrar.RegisterCommand;
import org.opencpm.registrar.RegistrationException;
import org.opencpm.sip.api.SipServletRequest;

/** Turns a REGISTER into a {@link RegisterCommand}; anything malformed is a 400 {@link RegistrationException}. */
final class RegisterRequestReader {

    private static final int MAX_CONTACTS_PER_REQUEST = 20;
    private static final HeaderFactoryImpl HEADERS = new HeaderFactoryImpl();

    private RegisterRequestReader() {
    }

    static RegisterCommand read(SipServletRequest request, String aor) {
        for (String line : request.getMalformedHeaders()) {
            String name = line.toLowerCase(Locale.ROOT);
            if (name.startsWith("contact:") || name.startsWith("m:") || name.startsWith("expires:")) {
                throw new RegistrationException(400, "Malformed " + line.substring(0, line.indexOf(':')) + " header");
            }
        }
        List<String> values = request.getHeaders("Contact");
        if (values.size() > MAX_CONTACTS_PER_REQUEST) {
            throw new RegistrationException(400, "Too many Contact headers");
        }
        boolean wildcard = false;
        List<ContactUpdate> contacts = new ArrayList<>();
        for (String value : values) {
            ContactHeader contact = parse(value);
            if (contact.isWildCard()) {
                wildcard = true;
                continue;
            }
            contacts.add(toUpdate(contact));
        }
        return new RegisterCommand(aor, request.getCallId(), cseqOf(request), contacts, wildcard, expiresOf(request),
                request.getTransport() + " " + request.getRemoteAddr() + ":" + request.getRemotePort());
    }

    private static ContactHeader parse(String value) {
        try {
            if (value.trim().equals("*")) {
                return HEADERS.createContactHeader();
            }
            return (ContactHeader) HEADERS.createHeader(ContactHeader.NAME, value);
        } catch (ParseException | ClassCastException e) {
            throw new RegistrationException(400, "Malformed Contact header");
        }
    }

    private static ContactUpdate toUpdate(ContactHeader contact) {
        URI uri = contact.getAddress().getURI();
        if (!(uri instanceof SipURI)) {
            throw new RegistrationException(400, "Contact must be a sip: or sips: URI");
        }
        String instance = contact.getParameter("+sip.instance");
        if (instance != null) {
            instance = instance.replace("\"", "").replace("<", "").replace(">", "");
        }
        StringBuilder params = new StringBuilder();
        Iterator<?> names = contact.getParameterNames();
        while (names.hasNext()) {
            String name = (String) names.next();
            if (name.equalsIgnoreCase("expires")) {
                continue;
            }
            String v = contact.getParameter(name);
            if (params.length() > 0) {
                params.append(';');
            }
            params.append(name);
            if (v != null && !v.isEmpty()) {
                params.append('=').append(v.startsWith("\"") || !needsQuotes(v) ? v : "\"" + v + "\"");
            }
        }
        Integer expires = contact.getExpires() >= 0 ? contact.getExpires() : null;
        String uriText = uri.toString();
        if (uriText.length() > 512 || params.length() > 2048) {
            throw new RegistrationException(400, "Contact too long");
        }
        return new ContactUpdate(uriText, params.toString(), instance, expires);
    }

    private static boolean needsQuotes(String v) {
        return v.contains("<") || v.contains(":") || v.contains(",") || v.contains(" ");
    }

    private static long cseqOf(SipServletRequest request) {
        String cseq = request.getHeader("CSeq");
        return Long.parseLong(cseq.substring(0, cseq.indexOf(' ')).trim());
    }

    private static Integer expiresOf(SipServletRequest request) {
        String expires = request.getHeader("Expires");
        if (expires == null) {
            return null;
        }
        try {
            return Integer.valueOf(expires.trim());
        } catch (NumberFormatException e) {
            throw new RegistrationException(400, "Malformed Expires header");
        }
    }
}
