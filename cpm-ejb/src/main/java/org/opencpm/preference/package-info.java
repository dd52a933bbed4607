/**
 * CPM user preferences (OMA CPM SD 5.4): one XDM-like document per user holding the general settings (do not
 * disturb, blacklist, message handling, deferred-message options, multi-device policy) and the named User Preference
 * Profiles, with the active profile of each device. The Participating Function reads them on every message.
 * <p>
 * {@link org.opencpm.preference.PreferenceService} reads, replaces (whole documents, optionally conditionally) and
 * deletes them; {@link org.opencpm.preference.PreferenceRules} is what a document must be, refused with
 * {@link org.opencpm.preference.InvalidPreferencesException}; {@link org.opencpm.preference.CanonicalUri} is the
 * form addresses are stored and compared in; {@link org.opencpm.preference.PreferenceListeners} hear committed
 * changes.
 */
package org.opencpm.preference;
