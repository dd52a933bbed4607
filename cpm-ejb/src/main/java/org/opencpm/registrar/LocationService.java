package org.opencpm.registrar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencpm.storage.registration.ContactBinding;
import org.opencpm.storage.registration.ContactBindingRepository;

/**
 * Applies REGISTER requests to the stored bindings (RFC 3261 section 10.3 steps 6 to 8) and answers where a user
 * is reachable. Shared by the registrar and the Participating Function.
 */
@ApplicationScoped
@Transactional
public class LocationService {

    private ContactBindingRepository repository;
    private Clock clock;
    private RegistrarPolicy policy;

    protected LocationService() {
        // for CDI proxies
    }

    @Inject
    public LocationService(ContactBindingRepository repository, Clock clock) {
        this(repository, clock, RegistrarPolicy.defaults());
    }

    public LocationService(ContactBindingRepository repository, Clock clock, RegistrarPolicy policy) {
        this.repository = repository;
        this.clock = clock;
        this.policy = policy;
    }

    /** Applies the REGISTER and returns the bindings of the address of record afterwards. */
    public List<ActiveContact> register(RegisterCommand command) {
        Instant now = clock.instant();
        List<ContactBinding> existing = repository.findByAor(command.aor());
        if (command.wildcard()) {
            // Step 6: "*" is only valid with Expires: 0 and as the only contact.
            if (!command.contacts().isEmpty() || command.expires() == null || command.expires() != 0) {
                throw new RegistrationException(400, "Contact: * needs Expires: 0 and no other Contact");
            }
            for (ContactBinding b : existing) {
                if (b.getCallId().equals(command.callId()) && command.cseq() <= b.getCseq()) {
                    throw new RegistrationException(500, "Out of order REGISTER");
                }
            }
            existing.forEach(repository::delete);
            return List.of();
        }
        for (ContactUpdate contact : command.contacts()) {
            int expires = expiresOf(contact, command);
            String key = contact.instanceId() != null ? contact.instanceId() : contact.uri();
            Optional<ContactBinding> found = existing.stream().filter(b -> b.getBindingKey().equals(key)).findFirst();
            if (found.isPresent()) {
                ContactBinding b = found.get();
                // Step 7: a replayed or reordered REGISTER of the same Call-ID must not win (500).
                if (b.getCallId().equals(command.callId()) && command.cseq() <= b.getCseq()) {
                    throw new RegistrationException(500, "Out of order REGISTER");
                }
                if (expires == 0) {
                    repository.delete(b);
                    existing.remove(b);
                    continue;
                }
                b.refresh(contact.uri(), contact.params(), contact.instanceId(), command.callId(), command.cseq(),
                        now.plusSeconds(expires), command.receivedFrom(), now);
            } else if (expires > 0) {
                long active = existing.stream().filter(b -> b.isActiveAt(now)).count();
                if (active >= policy.maxContacts()) {
                    throw new RegistrationException(403, "Too many registered contacts (at most "
                            + policy.maxContacts() + ")");
                }
                ContactBinding b = new ContactBinding(command.aor(), key);
                b.refresh(contact.uri(), contact.params(), contact.instanceId(), command.callId(), command.cseq(),
                        now.plusSeconds(expires), command.receivedFrom(), now);
                repository.save(b);
                existing.add(b);
            }
        }
        return toActive(existing, now);
    }

    /** Where the user can be reached now, oldest registration first. */
    public List<ActiveContact> contactsOf(String aor) {
        Instant now = clock.instant();
        return toActive(repository.findActive(aor, now), now);
    }

    /** Drops expired bindings; returns how many went. */
    public int purgeExpired() {
        return repository.deleteExpired(clock.instant());
    }

    private int expiresOf(ContactUpdate contact, RegisterCommand command) {
        Integer requested = contact.expires() != null ? contact.expires() : command.expires();
        int expires = requested == null ? policy.defaultExpires() : requested;
        if (expires < 0) {
            throw new RegistrationException(400, "Negative expiry");
        }
        if (expires > 0 && expires < policy.minExpires()) {
            throw new RegistrationException(423, "Interval Too Brief", policy.minExpires());
        }
        return Math.min(expires, policy.maxExpires());
    }

    private static List<ActiveContact> toActive(List<ContactBinding> bindings, Instant now) {
        return bindings.stream().filter(b -> b.isActiveAt(now))
                .map(b -> new ActiveContact(b.getContactUri(), b.getContactParams(), b.getInstanceId(),
                        Math.max(1, Duration.between(now, b.getExpiresAt()).toSeconds()), b.getReceivedFrom()))
                .toList();
    }
}
