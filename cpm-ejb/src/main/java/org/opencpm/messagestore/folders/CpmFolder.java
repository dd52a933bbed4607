package org.opencpm.messagestore.folders;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A folder of the CPM folder model below the user's "default" system folder (OMA CPM SD 5.5.1.1), as the
 * Participating Function names it when recording (SD 5.2.1.2):
 * <ul>
 * <li>a 1-1 conversation history folder is named after the other party's authenticated identity
 * ({@link #oneToOne}); it holds the 1-1 conversation's message objects, file transfer history objects, stand-alone
 * media objects and the Session Info Objects of its sessions;</li>
 * <li>a group conversation history folder is named after the Conversation-ID ({@link #group}), or, for group
 * messages that exist only through interworking with SMS/MMS, after the IWF's interworking number
 * ({@link #interworkedGroup});</li>
 * <li>a session history folder, inside its conversation folder, is named after the Contribution-ID of the session
 * ({@link #session}); it holds the Session Info Object, the chat messages with their disposition notifications and,
 * for a group session, the Group State Objects. SD 5.2.1.2 asks for it for group sessions; a 1-1 session gets one
 * too, inside its 1-1 conversation folder, so that a session's items stay together as they do for groups.</li>
 * </ul>
 * Each level's name is {@link FolderNames#of} its identifier.
 *
 * @param kind  which folder of the model this is
 * @param names the level names below the default folder: one, or two for a session
 */
public record CpmFolder(Kind kind, List<String> names) {

    /** What {@link FolderNames#of} writes. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_+:@;!',=~-]{1," + FolderNames.MAX_LENGTH + "}");

    public enum Kind {
        ONE_TO_ONE_CONVERSATION, GROUP_CONVERSATION, SESSION
    }

    public CpmFolder {
        names = List.copyOf(names);
        if (names.size() != (kind == Kind.SESSION ? 2 : 1)) {
            throw new IllegalArgumentException(kind + " has " + (kind == Kind.SESSION ? 2 : 1) + " levels");
        }
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a folder name made by FolderNames: " + name);
            }
        }
    }

    /** The 1-1 conversation folder with {@code otherParty} (an authenticated identity, see {@link Identities}). */
    public static CpmFolder oneToOne(String otherParty) {
        return new CpmFolder(Kind.ONE_TO_ONE_CONVERSATION, List.of(FolderNames.of(Identities.canonical(otherParty))));
    }

    /** The group conversation folder of {@code conversationId} (compared byte by byte: not canonicalised). */
    public static CpmFolder group(String conversationId) {
        return new CpmFolder(Kind.GROUP_CONVERSATION, List.of(FolderNames.of(conversationId)));
    }

    /** The group folder of messages exchanged only through the IWF's {@code interworkingNumber} (SD 5.2.1.2). */
    public static CpmFolder interworkedGroup(String interworkingNumber) {
        return new CpmFolder(Kind.GROUP_CONVERSATION, List.of(FolderNames.of(Identities.canonical(interworkingNumber))));
    }

    /**
     * The session history folder of the session {@code contributionId} inside this conversation folder.
     *
     * @throws IllegalStateException on a session folder: sessions do not nest
     */
    public CpmFolder session(String contributionId) {
        if (kind == Kind.SESSION) {
            throw new IllegalStateException("session history folders are inside a conversation folder, not inside "
                    + "another session's (OMA CPM SD 5.2.1.2)");
        }
        return new CpmFolder(Kind.SESSION, List.of(names.get(0), FolderNames.of(contributionId)));
    }

    /** The folder as one line, {@code KIND:name/name}, for keeping it in a database row ({@link #fromKey}). */
    public String key() {
        return kind.name() + ':' + String.join("/", names);
    }

    /**
     * The folder {@link #key()} wrote.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static CpmFolder fromKey(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a folder key: " + key);
        }
        return new CpmFolder(Kind.valueOf(key.substring(0, colon)), List.of(key.substring(colon + 1).split("/", -1)));
    }

    /**
     * The full mailbox name below {@code defaultFolder} (the {@code DefaultFolderLocation}), levels joined by the
     * server's hierarchy {@code delimiter}.
     */
    public String path(String defaultFolder, char delimiter) {
        StringBuilder path = new StringBuilder(defaultFolder);
        for (String name : names) {
            path.append(delimiter).append(name);
        }
        return path.toString();
    }
}
