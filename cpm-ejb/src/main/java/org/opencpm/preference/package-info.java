/**
 * CPM user preferences (OMA CPM SD 5.4): one XDM-like document per user holding the general settings (do not
 * disturb, blacklist, message handling, deferred-message options, multi-device policy) and the named User Preference
 * Profiles, with the active profile of each device. The Participating Function reads them on every message.
 */
package org.opencpm.preference;
