/**
 * CISA ScubaGear's {@code ProviderSettingsExport.json} as a tenant folder: reads the export with
 * posture's readers, maps each key to the snapshot section it corresponds to (in the Microsoft API's
 * names and casing), records what the export does not hold, and writes the snapshot and {@code
 * collection.json}. Only the CLI calls it.
 */
package dev.posture.scubagear;
