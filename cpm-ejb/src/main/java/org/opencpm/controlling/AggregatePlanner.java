package org.opencpm.controlling;

import java.util.ArrayList;
import java.util.List;
import org.opencpm.message.cpim.CpimMessage;
import org.opencpm.message.imdn.ImdnDocument;
import org.opencpm.message.imdn.ImdnMessages;

/**
 * Cuts collected notifications into aggregates (RFC 5438 sec 8.3) that each stay within a byte budget, and
 * writes them. One notification alone goes out as a plain IMDN, which every client understands.
 */
public final class AggregatePlanner {

    // Same lengths as the real ones, so that a planned aggregate measures what the written one will.
    private static final String SAMPLE_ID = ImdnMessages.newMessageId();
    private static final String SAMPLE_DATE_TIME = "2000-01-01T00:00:00Z";

    private final int maxBytes;

    public AggregatePlanner(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * {@code docs} in order, cut into runs that each make a message of at most the budget, as few as a greedy cut
     * gives; a document too large for the budget alone still makes a run of its own.
     */
    public List<List<ImdnDocument>> batches(String fromNameAddr, String toNameAddr, List<ImdnDocument> docs) {
        List<List<ImdnDocument>> batches = new ArrayList<>();
        List<ImdnDocument> current = new ArrayList<>();
        for (ImdnDocument doc : docs) {
            current.add(doc);
            if (current.size() > 1 && size(fromNameAddr, toNameAddr, current) > maxBytes) {
                current.remove(current.size() - 1);
                batches.add(List.copyOf(current));
                current = new ArrayList<>(List.of(doc));
            }
        }
        if (!current.isEmpty()) {
            batches.add(List.copyOf(current));
        }
        return batches;
    }

    /** The CPIM body for one run: a plain IMDN for one document, an aggregate for more. */
    public static CpimMessage write(String fromNameAddr, String toNameAddr, String messageId, String dateTime,
                                    List<ImdnDocument> batch) {
        if (batch.size() == 1) {
            return ImdnMessages.notificationFor(fromNameAddr, toNameAddr, messageId, dateTime, batch.get(0));
        }
        return ImdnMessages.aggregateFor(fromNameAddr, toNameAddr, messageId, dateTime, batch, "imdn-" + messageId);
    }

    private static int size(String fromNameAddr, String toNameAddr, List<ImdnDocument> batch) {
        return write(fromNameAddr, toNameAddr, SAMPLE_ID, SAMPLE_DATE_TIME, batch).toBytes().length;
    }
}
