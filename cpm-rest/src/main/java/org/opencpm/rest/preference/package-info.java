/**
 * CPM user preferences over REST (OMA CPM SD 5.4), read and replaced as whole documents with ETags, as XDM does
 * (OMA XDM Core): {@code /users/{address}/preferences} for administrators, {@code /me/preferences} for users
 * themselves, who authenticate with their SIP user name and password over HTTP BASIC
 * ({@link org.opencpm.rest.preference.UserAuthenticationFilter}). The JSON shape is
 * {@link org.opencpm.rest.preference.PreferencesDocument}; unknown members are refused.
 */
package org.opencpm.rest.preference;
