/**
 * A tenant: where its files are and what they hold. Finds in a TENANT argument the snapshot,
 * Microsoft's Secure Score data, {@code collection.json} and the state file; reads them; and scores
 * them into one assessment. Every command that takes a tenant starts here.
 */
package dev.posture.tenant;
