package org.opencpm.messagestore.imap;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opencpm.messagestore.folders.FolderNames;

/**
 * A CPM folder below the user's default folder, by its level names (OMA CPM SD 5.5.1.1): a conversation folder, or
 * a session folder inside one. Every level is a name {@link FolderNames#of} writes, so the path is written with
 * {@value #SEPARATOR} between the levels whatever the store's own delimiter is ({@code .} and {@code /} are always
 * escaped inside a name), and one spelling names one folder.
 *
 * @param levels one name (a conversation folder) or two (a session folder inside its conversation folder)
 */
public record FolderPath(List<String> levels) implements Comparable<FolderPath> {

    /** Between the levels of {@link #toString()}. */
    public static final char SEPARATOR = '.';
    /** The longest path: two levels and the separator. */
    public static final int MAX_LENGTH = 2 * FolderNames.MAX_LENGTH + 1;

    /** How a name made of an identifier with a URI scheme starts ({@code .} in a scheme is escaped as =2E). */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z](?:[A-Za-z0-9+-]|=2E)*:.*");

    /**
     * What the folder holds, told from its names: the PF names 1-1 conversation folders after the other party's
     * identity, a URI ({@code sip:}, {@code tel:}), and group conversation folders after the Conversation-ID, which
     * has no scheme. A group of SMS/MMS interworking, named after the IWF's {@code tel:} number, reads as 1-1: the
     * names do not tell these apart.
     */
    public enum Kind {
        /** A 1-1 conversation folder: named after an identity with a URI scheme. */
        ONE_TO_ONE,
        /** A group conversation folder: named after a Conversation-ID. */
        GROUP,
        /** A session folder inside a conversation folder: named after the session's Contribution-ID. */
        SESSION
    }

    /**
     * @throws IllegalArgumentException for no level, more than two, or a name {@link FolderNames#of} does not write
     */
    public FolderPath {
        levels = List.copyOf(levels);
        if (levels.isEmpty() || levels.size() > 2) {
            throw new IllegalArgumentException("a folder is one or two names");
        }
        for (String level : levels) {
            if (!FolderNames.isName(level)) {
                throw new IllegalArgumentException("a level is not a folder name as the PF writes them");
            }
        }
    }

    /**
     * Reads a path as {@link #toString()} writes it.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static FolderPath parse(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a folder is 1 to " + MAX_LENGTH + " characters");
        }
        int separator = path.indexOf(SEPARATOR);
        return new FolderPath(separator < 0 ? List.of(path)
                : List.of(path.substring(0, separator), path.substring(separator + 1)));
    }

    public Kind kind() {
        if (levels.size() == 2) {
            return Kind.SESSION;
        }
        return SCHEME.matcher(levels.get(0)).matches() ? Kind.ONE_TO_ONE : Kind.GROUP;
    }

    /** The identifier the folder is named after; empty when its name is shortened (a hash cannot be undone). */
    public Optional<String> identifier() {
        return FolderNames.identifierOf(levels.get(levels.size() - 1));
    }

    /** The full mailbox name below {@code defaultFolder}, levels joined by the store's {@code delimiter}. */
    public String mailbox(String defaultFolder, char delimiter) {
        StringBuilder mailbox = new StringBuilder(defaultFolder);
        for (String level : levels) {
            mailbox.append(delimiter).append(level);
        }
        return mailbox.toString();
    }

    /** A conversation folder before the session folders inside it; otherwise by name. */
    @Override
    public int compareTo(FolderPath other) {
        for (int i = 0; i < Math.min(levels.size(), other.levels.size()); i++) {
            int c = levels.get(i).compareTo(other.levels.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(levels.size(), other.levels.size());
    }

    @Override
    public String toString() {
        return String.join(String.valueOf(SEPARATOR), levels);
    }
}
