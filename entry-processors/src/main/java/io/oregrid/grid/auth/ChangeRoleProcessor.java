package io.oregrid.grid.auth;

import com.hazelcast.map.EntryProcessor;

import java.util.Map;

/**
 * Sets an account's role if the entry still belongs to {@code userId}; returns the account as it
 * is afterwards, or null when the entry is missing or belongs to someone else. Idempotent: a
 * second run sets the same role again.
 *
 * @param userId the account's id (guards against an e-mail key that was re-used)
 * @param role   the new role
 */
public record ChangeRoleProcessor(String userId, Role role) implements EntryProcessor<String, UserRecord, UserRecord> {

    @Override
    public UserRecord process(Map.Entry<String, UserRecord> entry) {
        UserRecord user = entry.getValue();
        if (user == null || !user.id().equals(userId)) {
            return null;
        }
        if (user.role() != role) {
            user = user.withRole(role);
            entry.setValue(user);
        }
        return user;
    }
}
