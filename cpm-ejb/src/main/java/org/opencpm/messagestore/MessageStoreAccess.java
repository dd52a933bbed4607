package org.opencpm.messagestore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.opencpm.config.PolicyProperties;
import org.opencpm.messagestore.accounts.JamesWebAdmin;
import org.opencpm.messagestore.accounts.MessageStoreSettings;
import org.opencpm.messagestore.accounts.MessageStoreSettingsHolder;
import org.opencpm.messagestore.imap.MessageStoreImapSettings;
import org.opencpm.messagestore.imap.MessageStoreWriter;
import org.opencpm.user.HomeDomain;

/**
 * The server's way into users' folders, when there is one: the message store is enabled ({@code opencpm.cms.enabled})
 * and an administrator password is configured ({@code opencpm.cms.admin.password}). Read once per deployment; the
 * PF's recording writes through it, the administrators' views read through it.
 */
@ApplicationScoped
public class MessageStoreAccess {

    private MessageStoreWriter writer;
    private String whyOff;
    private String describe;

    protected MessageStoreAccess() {
    }

    @Inject
    public MessageStoreAccess(MessageStoreSettingsHolder accounts, HomeDomain domain) {
        this(accounts.get(), MessageStoreImapSettings.from(PolicyProperties.system(), domain.name()));
    }

    public MessageStoreAccess(MessageStoreSettings settings, MessageStoreImapSettings imap) {
        if (!settings.enabled()) {
            whyOff = MessageStoreSettings.ENABLED + "=false";
        } else if (!imap.configured()) {
            whyOff = "no administrator password (" + MessageStoreImapSettings.ADMIN_PASSWORD + ")";
        } else {
            writer = new MessageStoreWriter(imap, new JamesWebAdmin(settings.webAdmin()));
            describe = imap.host() + ":" + imap.port() + " as " + imap.administrator();
        }
    }

    /** For tests outside WildFly: this writer, or none. */
    public static MessageStoreAccess of(MessageStoreWriter writer) {
        MessageStoreAccess access = new MessageStoreAccess();
        access.writer = writer;
        access.whyOff = writer == null ? "no message store" : null;
        access.describe = "a test store";
        return access;
    }

    /** The connection maker, for writing and for reading (the same connection, with the user's rights). */
    public Optional<MessageStoreWriter> writer() {
        return Optional.ofNullable(writer);
    }

    /** Why there is no writer. */
    public String whyOff() {
        return whyOff;
    }

    public String describe() {
        return describe;
    }
}
