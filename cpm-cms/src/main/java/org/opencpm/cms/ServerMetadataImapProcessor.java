package org.opencpm.cms;

import com.google.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.apache.james.core.Username;
import org.apache.james.imap.api.ImapConfiguration;
import org.apache.james.imap.api.ImapMessage;
import org.apache.james.imap.api.display.HumanReadableText;
import org.apache.james.imap.api.message.request.ImapRequest;
import org.apache.james.imap.api.message.response.StatusResponse.ResponseCode;
import org.apache.james.imap.api.message.response.StatusResponseFactory;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.message.request.GetMetadataRequest;
import org.apache.james.imap.message.request.SetMetadataRequest;
import org.apache.james.imap.message.response.MetadataResponse;
import org.apache.james.mailbox.model.MailboxAnnotation;
import org.apache.james.mailbox.model.MailboxAnnotationKey;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.util.ReactorUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Server-level METADATA (RFC 5464 GETMETADATA/SETMETADATA on mailbox {@code ""}), which James 3.8 refuses (it
 * looks for a mailbox named ""): the CPM folder model publishes the "default" system folder as the server
 * annotation {@code DefaultFolderLocation} (OMA CPM SD 5.5.1.1), which clients and the Participating Function read.
 * Requests on a mailbox go on to James unchanged.
 * <p>
 * Any authenticated user reads the {@code /shared} server entries ({@code /private} ones are not kept, so none is
 * returned); only the store's administrator, authenticated as itself, sets them.
 */
final class ServerMetadataImapProcessor implements ImapProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ServerMetadataImapProcessor.class);
    private static final HumanReadableText ADMINISTRATOR_ONLY = new HumanReadableText(
            "org.opencpm.cms.SERVER_METADATA_ADMINISTRATOR_ONLY", "server annotations are set by the administrator.");

    private final ImapProcessor delegate;
    private final ServerAnnotations annotations;
    private final UsersRepository users;
    private final StatusResponseFactory responses;

    @Inject
    ServerMetadataImapProcessor(CondstoreImapProcessor delegate, ServerAnnotations annotations, UsersRepository users,
                                StatusResponseFactory responses) {
        this.delegate = delegate;
        this.annotations = annotations;
        this.users = users;
        this.responses = responses;
    }

    @Override
    public void configure(ImapConfiguration configuration) {
        delegate.configure(configuration);
    }

    @Override
    public void process(ImapMessage message, Responder responder, ImapSession session) {
        processReactive(message, responder, session).block();
    }

    @Override
    public Mono<Void> processReactive(ImapMessage message, Responder responder, ImapSession session) {
        if (message instanceof GetMetadataRequest get && get.getMailboxName().isEmpty()) {
            return onServer(get, responder, session, () -> get(get, responder));
        }
        if (message instanceof SetMetadataRequest set && set.getMailboxName().isEmpty()) {
            return onServer(set, responder, session, () -> set(set, responder, session));
        }
        return delegate.processReactive(message, responder, session);
    }

    /** Runs {@code work} off the I/O thread (it reads the database), in the states the command is valid in. */
    private Mono<Void> onServer(ImapRequest request, Responder responder, ImapSession session, Runnable work) {
        if (!request.getCommand().validForState(session.getState())) {
            responder.respond(responses.taggedNo(request.getTag(), request.getCommand(),
                    HumanReadableText.INVALID_COMMAND));
            return Mono.empty();
        }
        return Mono.fromRunnable(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("server-level {} failed", request.getCommand().getName(), e);
                responder.respond(responses.taggedNo(request.getTag(), request.getCommand(),
                        HumanReadableText.GENERIC_FAILURE_DURING_PROCESSING));
            }
        }).subscribeOn(ReactorUtils.BLOCKING_CALL_WRAPPER).then();
    }

    private void get(GetMetadataRequest request, Responder responder) {
        List<MailboxAnnotation> found = select(annotations.all(), request.getKeys(), depth(request.getDepth()));
        Optional<Integer> maxsize = request.getMaxsize();
        List<MailboxAnnotation> fitting = found.stream()
                .filter(a -> maxsize.map(max -> a.size() <= max).orElse(true)).toList();
        if (!fitting.isEmpty()) {
            responder.respond(new MetadataResponse("", fitting));
        }
        // RFC 5464 4.2.1: the longest entry left out because of MAXSIZE is told in the completion
        Optional<Integer> longest = found.stream().map(MailboxAnnotation::size)
                .filter(size -> maxsize.map(max -> size > max).orElse(false)).max(Integer::compare);
        responder.respond(longest.isPresent()
                ? responses.taggedOk(request.getTag(), request.getCommand(), HumanReadableText.COMPLETED,
                        ResponseCode.longestMetadataEntry(longest.get()))
                : responses.taggedOk(request.getTag(), request.getCommand(), HumanReadableText.COMPLETED));
    }

    private void set(SetMetadataRequest request, Responder responder, ImapSession session) {
        if (!administrator(session)) {
            responder.respond(responses.taggedNo(request.getTag(), request.getCommand(), ADMINISTRATOR_ONLY));
            return;
        }
        try {
            annotations.update(request.getMailboxAnnotations());
        } catch (IllegalArgumentException refused) {
            responder.respond(responses.taggedNo(request.getTag(), request.getCommand(),
                    new HumanReadableText(HumanReadableText.MAILBOX_ANNOTATION_KEY, refused.getMessage())));
            return;
        }
        responder.respond(responses.taggedOk(request.getTag(), request.getCommand(), HumanReadableText.COMPLETED));
    }

    /** The administrator authenticated as itself, not a user it acts as (nor a user acting as another). */
    private boolean administrator(ImapSession session) {
        Username user = session.getMailboxSession().getUser();
        if (!session.getMailboxSession().getLoggedInUser().map(user::equals).orElse(false)) {
            return false;
        }
        try {
            return users.isAdministrator(user);
        } catch (UsersRepositoryException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Depth 0: the entries named; 1: and their children; infinity: and all their descendants (RFC 5464 4.2.2). */
    private static BiPredicate<MailboxAnnotationKey, MailboxAnnotationKey> depth(GetMetadataRequest.Depth depth) {
        return switch (depth) {
            case ZERO -> MailboxAnnotationKey::equals;
            case ONE -> MailboxAnnotationKey::isParentOrIsEqual;
            case INFINITY -> MailboxAnnotationKey::isAncestorOrIsEqual;
        };
    }

    static List<MailboxAnnotation> select(List<MailboxAnnotation> all, Set<MailboxAnnotationKey> keys,
                                          BiPredicate<MailboxAnnotationKey, MailboxAnnotationKey> matches) {
        return all.stream()
                .filter(a -> keys.stream().anyMatch(requested -> matches.test(requested, a.getKey())))
                .toList();
    }
}
