/**
 * User administration: {@link org.opencpm.user.UserAccountService} creates, reads, re-keys and deletes the
 * accounts of the home domain and hands the SIP registrar the digest credentials of a user. Input is validated
 * here by pure classes ({@link org.opencpm.user.UserAddress}, {@link org.opencpm.user.PasswordPolicy}) and refused
 * with the {@link org.opencpm.user.UserAccountException} hierarchy, which rolls the transaction back.
 */
package org.opencpm.user;
