package com.circoflows.domain.branding;

/**
 * A merchant's branding with the version it was stored under: an editor saves against the version it
 * read, so of two editors working on the same settings the second is told rather than overwriting.
 *
 * @param branding null only from a {@link BrandingRepository}: what is stored no longer passes the rules,
 *                 so the defaults apply
 * @param version  0 when the merchant never saved any (the branding is then its defaults)
 */
public record StoredBranding(Branding branding, long version) {
}
