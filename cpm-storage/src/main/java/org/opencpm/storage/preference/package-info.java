/**
 * Storage of CPM user preferences (OMA CPM SD 5.4): one {@link org.opencpm.storage.preference.PreferenceDocument}
 * per user of the home domain, keyed by user name, with its general settings as columns and its blacklist, User
 * Preference Profiles and per-device active profiles as element collections. The document is replaced as a whole
 * (XDM-like), so it is one aggregate with no identity of its parts. Values are stored as validated by the caller.
 */
package org.opencpm.storage.preference;
