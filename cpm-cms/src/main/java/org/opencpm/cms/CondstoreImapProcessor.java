package org.opencpm.cms;

import com.google.inject.Inject;
import org.apache.james.imap.api.ImapConfiguration;
import org.apache.james.imap.api.ImapMessage;
import org.apache.james.imap.api.message.Capability;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imap.processor.DefaultProcessor;
import reactor.core.publisher.Mono;

/**
 * James' IMAP processor with CONDSTORE (RFC 7162) advertised. James 3.8 implements CONDSTORE (and QRESYNC, which it
 * advertises and which requires CONDSTORE) but its imapserver.xml has no switch for the flag that lists it in
 * CAPABILITY, so a client that looks for it would not use it. This passes the configuration on with the flag set;
 * everything else is James' own.
 */
final class CondstoreImapProcessor implements ImapProcessor {

    private final DefaultProcessor delegate;

    @Inject
    CondstoreImapProcessor(DefaultProcessor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void configure(ImapConfiguration configuration) {
        delegate.configure(withCondstore(configuration));
    }

    static ImapConfiguration withCondstore(ImapConfiguration c) {
        ImapConfiguration.Builder b = ImapConfiguration.builder()
                .enableIdle(c.isEnableIdle())
                .idleTimeInterval(c.getIdleTimeInterval())
                .idleTimeIntervalUnit(c.getIdleTimeIntervalUnit())
                .concurrentRequests(c.getConcurrentRequests())
                .maxQueueSize(c.getMaxQueueSize())
                .disabledCaps(c.getDisabledCaps().stream().map(Capability::asString)
                        .collect(com.google.common.collect.ImmutableSet.toImmutableSet()))
                .isProvisionDefaultMailboxes(c.isProvisionDefaultMailboxes())
                .withCustomProperties(c.getCustomProperties())
                .isCondstoreEnable(true);
        c.getAppendLimit().ifPresent(b::appendLimit);
        return b.build();
    }

    @Override
    public void process(ImapMessage message, Responder responder, ImapSession session) {
        delegate.process(message, responder, session);
    }

    @Override
    public Mono<Void> processReactive(ImapMessage message, Responder responder, ImapSession session) {
        return delegate.processReactive(message, responder, session);
    }
}
