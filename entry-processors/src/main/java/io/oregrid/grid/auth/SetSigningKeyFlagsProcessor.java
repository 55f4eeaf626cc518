package io.oregrid.grid.auth;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Sets a signing key's {@code active} and {@code retired} flags (key rotation and retirement);
 * returns the key as it is afterwards, or null when missing. Idempotent.
 *
 * @param active  whether the key signs new tokens
 * @param retired whether the key stops verifying
 */
public record SetSigningKeyFlagsProcessor(boolean active, boolean retired)
        implements EntryProcessor<String, SigningKeyRecord, SigningKeyRecord> {

    @Override
    public SigningKeyRecord process(Map.Entry<String, SigningKeyRecord> entry) {
        SigningKeyRecord key = entry.getValue();
        if (key == null) {
            return null;
        }
        SigningKeyRecord updated = key.with(active, retired);
        if (!updated.equals(key)) {
            entry.setValue(updated);
        }
        return updated;
    }
}
