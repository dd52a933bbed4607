package org.opencpm.sipservlets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.opencpm.authentication.CredentialsSource;
import org.opencpm.authentication.DigestAuthenticator;
import org.opencpm.controlling.ControllingPolicy;
import org.opencpm.controlling.NotificationAggregator;
import org.opencpm.deferral.DeferralPolicy;
import org.opencpm.deferral.DeferralService;
import org.opencpm.deferral.NotificationDeduplicator;
import org.opencpm.group.GroupService;
import org.opencpm.interworking.NoInterworking;
import org.opencpm.messagestore.MessageStoreAccess;
import org.opencpm.messagestore.MessageStoreGateway;
import org.opencpm.messagestore.accounts.JamesWebAdmin;
import org.opencpm.messagestore.imap.MessageStoreImapSettings;
import org.opencpm.messagestore.imap.MessageStoreWriter;
import org.opencpm.msrp.stack.EmbeddedMsrpStack;
import org.opencpm.participating.HandOverRefusedException;
import org.opencpm.participating.ServiceProviderPolicy;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.preference.PreferenceService;
import org.opencpm.preference.UserPreferences;
import org.opencpm.recording.ConversationRecorder;
import org.opencpm.recording.RecordingOutbox;
import org.opencpm.recording.RecordingPolicy;
import org.opencpm.registrar.LocationService;
import org.opencpm.registrar.RegistrarPolicy;
import org.opencpm.sip.container.EmbeddedSipContainer;
import org.opencpm.sipservlets.controlling.AdHocMessageHandler;
import org.opencpm.sipservlets.controlling.CopyDistributor;
import org.opencpm.sipservlets.controlling.GroupMessageHandler;
import org.opencpm.sipservlets.controlling.GroupSessions;
import org.opencpm.sipservlets.controlling.NotificationRouter;
import org.opencpm.sipservlets.participating.DeferredExpiry;
import org.opencpm.sipservlets.participating.DeferredPusher;
import org.opencpm.sipservlets.participating.DeliveryEngine;
import org.opencpm.sipservlets.participating.KeptFiles;
import org.opencpm.sipservlets.participating.OriginatingSessions;
import org.opencpm.sipservlets.participating.ParticipatingServlet;
import org.opencpm.sipservlets.participating.SessionRecording;
import org.opencpm.sipservlets.participating.SessionSender;
import org.opencpm.sipservlets.participating.TerminatingHandler;
import org.opencpm.sipservlets.participating.TerminatingSessions;
import org.opencpm.sipservlets.registrar.RegistrarServlet;
import org.opencpm.sipservlets.security.SipDigestGuard;
import org.opencpm.sipservlets.session.SessionPolicy;
import org.opencpm.sipservlets.session.SessionServlet;
import org.opencpm.storage.controlling.InMemoryNotificationAggregationRepository;
import org.opencpm.storage.deferral.DeferredMessageRepository;
import org.opencpm.storage.deferral.InMemoryDeferredMessageRepository;
import org.opencpm.storage.group.InMemoryGroupDocumentRepository;
import org.opencpm.storage.notification.InMemoryForwardedNotificationRepository;
import org.opencpm.storage.recording.InMemoryRecordingOutboxRepository;
import org.opencpm.storage.registration.InMemoryContactBindingRepository;
import org.opencpm.storage.user.DigestHashes;
import org.opencpm.storage.user.UserAccount;
import org.opencpm.testsupport.InMemoryUserAccountRepository;
import org.opencpm.testsupport.MutableClock;
import org.opencpm.user.DigestCredentials;
import org.opencpm.user.HomeDomain;

/**
 * The registrar and the PF in the embedded container, wired by hand as CDI does in WildFly: users and preferences
 * in maps, bindings and the deferred queue in memory, a clock the test moves, a message store that records, and
 * the routing rules shipped in the WAR.
 */
final class EmbeddedCore implements AutoCloseable {

    static final String DOMAIN = "opencpm.test";

    final Map<String, DigestCredentials> users = new ConcurrentHashMap<>();
    final Map<String, UserPreferences> preferences = new ConcurrentHashMap<>();
    /** What "the message store" took; {@link #storeAvailable} decides whether it takes anything. */
    final List<StandaloneMessage> stored = new CopyOnWriteArrayList<>();
    volatile boolean storeAvailable;
    final MutableClock clock = new MutableClock(java.time.Instant.now());
    final DeferralService deferral;
    final DeferredPusher pusher;
    final DeferredExpiry expiry;
    /** User accounts as the group service sees them (owners must exist); {@link #provision} fills both. */
    final InMemoryUserAccountRepository accounts = new InMemoryUserAccountRepository();
    final GroupService groups = new GroupService(new InMemoryGroupDocumentRepository(), accounts,
            new HomeDomain()); // opencpm.test unless -Dopencpm.domain says otherwise, as DOMAIN
    final EmbeddedSipContainer container;
    /** The CF's notification aggregation; tests call {@link NotificationAggregator#flushWaiting()} as its timer does. */
    final NotificationAggregator aggregator;
    private final AtomicReference<NotificationRouter> router = new AtomicReference<>();
    /** The server's MSRP connector, as the resource adapter gives it in WildFly. */
    final EmbeddedMsrpStack msrp;
    final DeferredMessageRepository deferredMessages = new InMemoryDeferredMessageRepository();
    /** Where the PF keeps files taken on a user's behalf: a directory of this core's own, removed on close. */
    final KeptFiles keptFiles;
    /** What the PF recorded for users whose preferences ask for it (OMA CPM SD 5.2.1.2); nothing uploads it. */
    final InMemoryRecordingOutboxRepository recordings = new InMemoryRecordingOutboxRepository();
    /** Where the outbox spools large recorded objects (a file transfer history object, for one). */
    final Path recordingSpool;
    /** Where recorded sessions' items are composed, as the managed executor does in WildFly. */
    private final ExecutorService recordingExecutor = Executors.newSingleThreadExecutor();

    EmbeddedCore() throws Exception {
        this(new ServiceProviderPolicy(org.opencpm.preference.DeferredDelivery.PUSH,
                org.opencpm.preference.ExpiredHandling.DISCARD, org.opencpm.preference.MultiDevicePolicy.ALL,
                Duration.ofSeconds(2), 16));
    }

    EmbeddedCore(ServiceProviderPolicy provider) throws Exception {
        this(provider, ControllingPolicy.defaults());
    }

    EmbeddedCore(ServiceProviderPolicy provider, ControllingPolicy controlling) throws Exception {
        this(provider, controlling, SessionPolicy.defaults());
    }

    EmbeddedCore(ServiceProviderPolicy provider, ControllingPolicy controlling, SessionPolicy sessionPolicy)
            throws Exception {
        Supplier<SessionPolicy> sessions = () -> sessionPolicy;
        keptFiles = new KeptFiles(Files.createTempDirectory("kept-files"), Duration.ofDays(1));
        CoreSettings settings = new CoreSettings(DOMAIN);
        CredentialsSource source = (username, realm) -> Optional.ofNullable(users.get(username))
                .filter(c -> c.realm().equals(realm));
        LocationService location = new LocationService(new InMemoryContactBindingRepository(), clock,
                new RegistrarPolicy(60, 3600, 86400, 10));
        SipDigestGuard guard = new SipDigestGuard(
                new DigestAuthenticator(DOMAIN, "test-secret".getBytes(StandardCharsets.UTF_8), clock,
                        Duration.ofMinutes(5)), source);
        PreferenceService prefs = new PreferenceService() {
            @Override
            public UserPreferences of(String username) {
                return preferences.getOrDefault(username, UserPreferences.defaults());
            }
        };
        deferral = new DeferralService(deferredMessages,
                new DeferralPolicy(Duration.ofHours(1), 100, Duration.ofSeconds(60)), clock);
        MessageStoreGateway store = new MessageStoreGateway() {
            @Override
            public void deliver(StandaloneMessage message) {
                if (!storeAvailable) {
                    throw new HandOverRefusedException("no message storage server is available");
                }
                stored.add(message);
            }

            @Override
            public void handOver(StandaloneMessage message) {
                deliver(message);
            }
        };
        recordingSpool = Files.createTempDirectory("recording-spool");
        RecordingPolicy recordingPolicy = new RecordingPolicy(true, false, Duration.ofDays(30), true,
                Duration.ofSeconds(5), Duration.ofDays(30), Duration.ofDays(7), 100 * 1024 * 1024, recordingSpool);
        // Recordings stay in the outbox: nothing uploads here. The writer is never called.
        ConversationRecorder recorder = new ConversationRecorder(
                new RecordingOutbox(recordings, recordingPolicy, clock, null), recordingPolicy, prefs,
                MessageStoreAccess.of(new MessageStoreWriter(new MessageStoreImapSettings("127.0.0.1", 9, "a@b", "x",
                        Duration.ofSeconds(1)), new JamesWebAdmin(URI.create("http://127.0.0.1:9")))),
                new HomeDomain(), clock);
        Properties props = new Properties();
        props.setProperty("opencpm.domain", DOMAIN);
        container = EmbeddedSipContainer.onFreePort(props);
        msrp = EmbeddedMsrpStack.start();
        DeliveryEngine engine = new DeliveryEngine(container, provider, new SessionSender(container, msrp,
                sessions, keptFiles));
        pusher = new DeferredPusher(prefs, location, deferral, engine, settings, provider, keptFiles);
        // The PF and the CF need each other, as CDI resolves through proxies in WildFly.
        TerminatingHandler terminating = new TerminatingHandler(prefs, location, deferral, engine, pusher,
                new NoInterworking(), store, source, settings, provider, clock,
                (route, sender, notifier, doc) -> router.get().offer(route, sender, notifier, doc));
        aggregator = new NotificationAggregator(new InMemoryNotificationAggregationRepository(), controlling, clock);
        router.set(new NotificationRouter(aggregator, terminating, settings, source));
        CopyDistributor distributor = new CopyDistributor(terminating, source, settings, aggregator, controlling,
                recorder);
        SessionRecording sessionRecording = new SessionRecording(recorder, settings, clock, recordingExecutor,
                recordingSpool);
        TerminatingSessions terminatingSessions = new TerminatingSessions(prefs, location, settings, container, msrp,
                sessions, terminating, keptFiles, sessionRecording);
        OriginatingSessions originatingSessions = new OriginatingSessions(guard, source, settings, container, msrp,
                sessions, terminatingSessions, new GroupSessions(groups, source, settings, msrp, sessions,
                        terminatingSessions, controlling), sessionRecording);
        container.servlet(new SessionServlet(originatingSessions));
        expiry = new DeferredExpiry(deferral, prefs, store, terminating, settings, provider, keptFiles);
        container.servlet(new RegistrarServlet(location, guard, source, settings, pusher))
                .servlet(new ParticipatingServlet(guard, source, settings, terminating, engine,
                        new NotificationDeduplicator(new InMemoryForwardedNotificationRepository(), clock),
                        new GroupMessageHandler(groups, distributor),
                        new AdHocMessageHandler(controlling, settings, distributor), router.get(), recorder));
        try (var rules = getClass().getResourceAsStream("/META-INF/sip-routing.conf")) {
            container.start(new String(rules.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Stores the user's HA1 values exactly as the user account service does. */
    void provision(String user, String password) {
        users.put(user, new DigestCredentials(user, DOMAIN, DigestHashes.ha1Md5(user, DOMAIN, password),
                DigestHashes.ha1Sha256(user, DOMAIN, password), "sip:" + user + "@" + DOMAIN));
        accounts.persist(new UserAccount("sip:" + user + "@" + DOMAIN, user, DOMAIN, password));
    }

    /** What the CF's timer does every few seconds: sends the notifications that waited the window. */
    void flushNotifications() {
        router.get().send(aggregator.flushWaiting());
    }

    int port() {
        return container.port();
    }

    @Override
    public void close() {
        container.close();
        msrp.close();
        recordingExecutor.shutdownNow();
        for (Path directory : List.of(keptFiles.directory(), recordingSpool)) {
            try (var files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
