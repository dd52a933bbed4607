package org.opencpm.recording;

import java.nio.file.Path;
import java.time.Duration;
import org.opencpm.config.PolicyProperties;

/**
 * The service provider's policy on recording (OMA CPM SD 5.2.1.2) and on deferred messages handed to the store
 * (5.2.5.3), from {@code opencpm.recording.*} (read once at deployment; a bad value is logged and the default kept).
 *
 * @param allowed         {@code opencpm.recording.allowed}: whether the PF may record at all (stay on the media
 *                        path, SD 5.2.1.2.2 note 1); false overrides every user preference
 * @param byDefault       {@code opencpm.recording.default}: recording for users who set no preference
 * @param handOverExpiry  {@code opencpm.recording.hand-over-expiry}: the expiry a handed-over deferred message gets
 *                        as a temporary object (SD 5.2.5.3 item 1)
 * @param discardUnread   {@code opencpm.recording.expired-temporary}: {@code discard} (default) or {@code keep} an
 *                        unread temporary object at its expiry (SD 5.2.5.3 item 3 a/b)
 * @param retry           {@code opencpm.recording.retry}: how soon a failed upload is tried again
 * @param remember        {@code opencpm.recording.remember}: how long a stored recording is remembered, so that the
 *                        same recording within that time is not stored again
 * @param giveUp          {@code opencpm.recording.give-up}: after how long an object the store never took is dropped
 *                        (logged as an error with what it was)
 * @param maxObjectSize   {@code opencpm.recording.max-object-size}: larger objects are not recorded (logged)
 * @param spool           {@code opencpm.recording.spool}: where objects too large for a database row wait
 */
public record RecordingPolicy(boolean allowed, boolean byDefault, Duration handOverExpiry, boolean discardUnread,
                              Duration retry, Duration remember, Duration giveUp, long maxObjectSize, Path spool) {

    public static final String ALLOWED = "opencpm.recording.allowed";
    public static final String DEFAULT = "opencpm.recording.default";
    public static final String HAND_OVER_EXPIRY = "opencpm.recording.hand-over-expiry";
    public static final String EXPIRED_TEMPORARY = "opencpm.recording.expired-temporary";
    public static final String RETRY = "opencpm.recording.retry";
    public static final String REMEMBER = "opencpm.recording.remember";
    public static final String GIVE_UP = "opencpm.recording.give-up";
    public static final String MAX_OBJECT_SIZE = "opencpm.recording.max-object-size";
    public static final String SPOOL = "opencpm.recording.spool";

    /** Objects up to this size wait in their database row; larger ones in a spool file. */
    public static final int INLINE_LIMIT = 256 * 1024;

    public static RecordingPolicy from(PolicyProperties p) {
        String data = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
        return new RecordingPolicy(p.flag(ALLOWED, true), p.flag(DEFAULT, false),
                p.duration(HAND_OVER_EXPIRY, Duration.ofDays(30)),
                "discard".equals(p.text(EXPIRED_TEMPORARY, "discard", "discard|keep", "discard or keep")),
                p.duration(RETRY, Duration.ofSeconds(5)), p.duration(REMEMBER, Duration.ofDays(30)),
                p.duration(GIVE_UP, Duration.ofDays(7)),
                p.count(MAX_OBJECT_SIZE, 100 * 1024 * 1024, 1024, Integer.MAX_VALUE),
                Path.of(p.text(SPOOL, Path.of(data, "opencpm", "recording").toString(), "[^\\u0000]{1,1000}",
                        "a directory")));
    }
}
