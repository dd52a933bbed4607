package org.opencpm.sipservlets.session;

import java.time.Duration;
import java.util.Locale;
import org.opencpm.config.PolicyProperties;

/**
 * The service provider's settings for sessions with MSRP media.
 *
 * @param links              who opens each MSRP connection ({@code opencpm.msrp.link-establishment})
 * @param cfAnswersAtOnce    whether the CF answers a large message to a group at once or after the first member's
 *                           answer ({@code opencpm.cf.session-answer}: {@code immediately} or
 *                           {@code after-first-answer}; ZTE FIG. 1-7)
 * @param deviceAnswerTimeout how long the terminating PF lets one device ring before it tries the next
 * @param maxLargeMessageBytes largest large message taken (SD 5.2.2.1.5); a bigger announced size is refused
 * @param maxFileBytes       largest file taken for transfer (SD 5.2.4, service-provider policy)
 * @param keepFilesForOffline whether the terminating PF takes a file for a user none of whose devices answers, to
 *                           offer it again when the user registers (SD 5.2.4.5, 5.2.4.7; the SD's default)
 */
public record SessionPolicy(LinkEstablishment links, boolean cfAnswersAtOnce, Duration deviceAnswerTimeout,
                            long maxLargeMessageBytes, long maxFileBytes, boolean keepFilesForOffline) {

    public static SessionPolicy defaults() {
        return new SessionPolicy(LinkEstablishment.INVITING_SIDE, false, Duration.ofSeconds(30), 16L << 20,
                1L << 30, true);
    }

    /**
     * From {@code opencpm.msrp.link-establishment} ({@code inviting-side}, {@code invited-side}, {@code clients}),
     * {@code opencpm.cf.session-answer}, {@code opencpm.pf.session.device-timeout},
     * {@code opencpm.pf.large-message.max-size}, {@code opencpm.pf.file-transfer.max-size} (bytes) and
     * {@code opencpm.pf.file-transfer.offline} ({@code keep} or {@code refuse}).
     */
    public static SessionPolicy from(PolicyProperties props) {
        SessionPolicy d = defaults();
        String links = props.text("opencpm.msrp.link-establishment", "inviting-side",
                "inviting-side|invited-side|clients", "inviting-side, invited-side or clients");
        String offline = props.text("opencpm.pf.file-transfer.offline", "keep", "keep|refuse", "keep or refuse");
        String answer = props.text("opencpm.cf.session-answer", "after-first-answer",
                "immediately|after-first-answer", "immediately or after-first-answer");
        return new SessionPolicy(
                LinkEstablishment.valueOf(links.toUpperCase(Locale.ROOT).replace('-', '_')),
                answer.equals("immediately"),
                props.duration("opencpm.pf.session.device-timeout", d.deviceAnswerTimeout()),
                props.count("opencpm.pf.large-message.max-size", (int) d.maxLargeMessageBytes(), 1301,
                        Integer.MAX_VALUE),
                props.count("opencpm.pf.file-transfer.max-size", (int) d.maxFileBytes(), 1, Integer.MAX_VALUE),
                offline.equals("keep"));
    }
}
