package io.oregrid.grid.auth;

/**
 * An account in {@code users}, keyed by {@link #email()} (SPEC "Auth": e-mails compare
 * case-insensitively, so the key and the field are lower-cased).
 *
 * @param id           user id (UUID string); also the player id of the game maps
 * @param email        lower-cased e-mail, the map key
 * @param username     username as registered (3–32 of {@code [A-Za-z0-9_]}); unique case-insensitively
 * @param passwordHash bcrypt hash (never logged, never sent)
 * @param role         the account's role
 * @param genesis      whether the account is a Genesis member (2× rewards, 72 h tokens, 2× rate limit)
 * @param createdAtMs  game-clock epoch ms of registration
 */
public record UserRecord(String id, String email, String username, String passwordHash, Role role,
                         boolean genesis, long createdAtMs) {

    /** @return a copy with another role */
    public UserRecord withRole(Role newRole) {
        return new UserRecord(id, email, username, passwordHash, newRole, genesis, createdAtMs);
    }

    /** Never prints the password hash. */
    @Override
    public String toString() {
        return "UserRecord[id=" + id + ", username=" + username + ", role=" + role + ", genesis=" + genesis + "]";
    }
}
