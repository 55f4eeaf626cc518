package io.oregrid.edge.auth;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import io.oregrid.grid.auth.ChangeRoleProcessor;
import io.oregrid.grid.auth.Role;
import io.oregrid.grid.auth.UserRecord;

import java.util.Locale;
import java.util.Optional;

/**
 * Accounts in the grid: {@code users} (lower-cased e-mail → {@link UserRecord}) and
 * {@code usernames} (lower-cased username → user id). Creation is race-safe across edge nodes
 * without locks: the username is claimed with {@code putIfAbsent}, then the e-mail; when the
 * e-mail is taken the username claim is released again (conditional remove, so only our own
 * claim). A claim or record already holding our own id counts as ours, because Hazelcast may retry
 * a {@code putIfAbsent} that already ran when a member leaves.
 */
public final class Users {
    private final IMap<String, UserRecord> users;
    private final IMap<String, String> usernames;

    /** The outcome of {@link #create}. */
    public enum CreateOutcome { CREATED, EMAIL_TAKEN, USERNAME_TAKEN }

    /**
     * @param users     the {@code users} map
     * @param usernames the {@code usernames} map
     */
    public Users(IMap<String, UserRecord> users, IMap<String, String> usernames) {
        this.users = users;
        this.usernames = usernames;
    }

    /**
     * Stores a new account unless its e-mail or username (case-insensitively) is taken.
     *
     * @param user the account, {@code email} already lower-cased
     * @return CREATED, or which uniqueness rule refused it
     */
    public CreateOutcome create(UserRecord user) {
        String nameKey = usernameKey(user.username());
        String claimedBy = usernames.putIfAbsent(nameKey, user.id());
        if (claimedBy != null && !claimedBy.equals(user.id())) {
            return CreateOutcome.USERNAME_TAKEN;
        }
        UserRecord existing = users.putIfAbsent(user.email(), user);
        if (existing != null && !existing.id().equals(user.id())) {
            usernames.remove(nameKey, user.id());
            return CreateOutcome.EMAIL_TAKEN;
        }
        return CreateOutcome.CREATED;
    }

    /** @return the account registered with {@code email} (lower-cased) */
    public Optional<UserRecord> byEmail(String email) {
        return Optional.ofNullable(users.get(email));
    }

    /** @return the account with {@code userId}; a query over all accounts (no index), meant for admin use */
    public Optional<UserRecord> byId(String userId) {
        return users.values(Predicates.equal("id", userId)).stream().findFirst();
    }

    /** @return the account after the change, or empty when it no longer exists */
    public Optional<UserRecord> changeRole(UserRecord user, Role role) {
        return Optional.ofNullable(users.executeOnKey(user.email(), new ChangeRoleProcessor(user.id(), role)));
    }

    private static String usernameKey(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
