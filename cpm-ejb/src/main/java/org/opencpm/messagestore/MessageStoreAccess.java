package org.opencpm.recording;

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
 * and an administrator password is configured ({@code opencpm.cms.admin.password}). Read once per deployment.
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
        MessageStoreSettings settings = accounts.get();
        MessageStoreImapSettings imap = MessageStoreImapSettings.from(PolicyProperties.system(), domain.name());
        if (!settings.enabled()) {
            whyOff = MessageStoreSettings.ENABLED + "=false";
        } else if (!imap.configured()) {
            whyOff = "no " + MessageStoreImapSettings.ADMIN_PASSWORD;
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

    public Optional<MessageStoreWriter> writer() {
        return Optional.ofNullable(writer);
    }

    public String whyOff() {
        return whyOff;
    }

    public String describe() {
        return describe;
    }
}
