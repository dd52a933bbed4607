package org.opencpm.cms;

import com.google.inject.Module;
import java.nio.file.Path;
import org.apache.james.GuiceJamesServer;
import org.apache.james.NaiveDelegationStoreModule;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.modules.MailboxModule;
import org.apache.james.modules.MailetProcessingModule;
import org.apache.james.modules.mailbox.DefaultEventModule;
import org.apache.james.modules.mailbox.MemoryDeadLetterModule;
import org.apache.james.modules.protocols.IMAPServerModule;
import org.apache.james.modules.protocols.ProtocolHandlerModule;
import org.apache.james.modules.protocols.SMTPServerModule;
import org.apache.james.modules.queue.memory.MemoryMailQueueModule;
import org.apache.james.modules.server.DataRoutesModules;
import org.apache.james.modules.server.DefaultProcessorsConfigurationProviderModule;
import org.apache.james.modules.server.MailboxRoutesModule;
import org.apache.james.modules.server.NoJwtModule;
import org.apache.james.modules.server.RawPostDequeueDecoratorModule;
import org.apache.james.modules.server.TaskManagerModule;
import org.apache.james.modules.server.WebAdminServerModule;
import org.apache.james.server.core.configuration.Configuration;

/**
 * The CPM Message Storage Server: Apache James with persistent JPA mailboxes and users, IMAP, SMTP and WebAdmin,
 * in a JVM of its own ({@code java -cp ... org.opencpm.cms.CmsServer}, settings as {@code -Dopencpm.cms.*}, see
 * {@link CmsSettings}). It runs until SIGTERM/SIGINT, then stops James and closes the database.
 * <p>
 * Exit status: 2 for bad settings, 1 when James fails to start.
 */
public final class CmsServer {

    private final CmsSettings settings;
    private final JpaStoreModule store;
    private final GuiceJamesServer james;

    private CmsServer(CmsSettings settings, Path workingDirectory) {
        this.settings = settings;
        this.store = new JpaStoreModule(settings);
        this.james = GuiceJamesServer
                .forConfiguration(Configuration.builder().workingDirectory(workingDirectory.toFile()).build())
                .combineWith(modules(store, settings))
                .overrideWith(binder -> binder.bind(ImapProcessor.class).to(ServerMetadataImapProcessor.class));
    }

    private static Module[] modules(JpaStoreModule store, CmsSettings settings) {
        return new Module[] {
            // mailbox layer: events, the store, quotas, users and domains (JpaStoreModule)
            new MailboxModule(), new DefaultEventModule(), new MemoryDeadLetterModule(), store,
            new NaiveDelegationStoreModule(),
            // the CPM folder model: server annotations (DefaultFolderLocation), the administrator
            new FolderModelModule(settings),
            // mail processing behind SMTP: an in-memory spool and local delivery
            new MailetProcessingModule(), new DefaultProcessorsConfigurationProviderModule(), new MemoryMailQueueModule(), new RawPostDequeueDecoratorModule(),
            // protocols
            new ProtocolHandlerModule(), new IMAPServerModule(), new SMTPServerModule(),
            // WebAdmin: users, domains, mailboxes (loopback, no authentication)
            new WebAdminServerModule(), new NoJwtModule(), new DataRoutesModules(), new MailboxRoutesModule(),
            new TaskManagerModule()
        };
    }

    public static void main(String[] args) throws Exception {
        CmsSettings settings;
        Path conf;
        try {
            settings = CmsSettings.fromSystemProperties();
            conf = CmsConfiguration.write(settings);
        } catch (IllegalArgumentException e) {
            System.err.println("cpm-cms: " + e.getMessage());
            System.exit(2);
            return;
        }
        // before the first logger is made
        System.setProperty("logback.configurationFile", conf.resolve("logback.xml").toString());
        CmsServer server = new CmsServer(settings, settings.dataDirectory());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "cms-shutdown"));
        server.start();
        System.out.println(server.banner());
    }

    void start() throws Exception {
        james.start();
    }

    synchronized void stop() {
        if (james.isStarted()) {
            james.stop();
        }
        store.close();
        System.out.println("OpenCPM message store stopped");
    }

    /** The line scripts and tests wait for. */
    String banner() {
        return "OpenCPM message store ready: IMAP " + settings.address() + ":" + settings.imapPort()
                + " SMTP " + settings.address() + ":" + settings.smtpPort()
                + " WebAdmin " + settings.webAdminUrl()
                + " domain " + settings.domain()
                + " data " + settings.dataDirectory();
    }
}
