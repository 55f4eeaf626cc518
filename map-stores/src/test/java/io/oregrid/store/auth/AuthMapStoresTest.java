package io.oregrid.store.auth;

import io.oregrid.grid.auth.RefreshTokenRecord;
import io.oregrid.grid.auth.RefreshTokenState;
import io.oregrid.grid.auth.Role;
import io.oregrid.grid.auth.SigningKeyRecord;
import io.oregrid.grid.auth.UserRecord;
import io.oregrid.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Verifies the auth stores against a real PostgreSQL: round trips, eager key lists, forward-only token states. */
class AuthMapStoresTest {
    private final TestDatabase db = new TestDatabase();

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void usersAndUsernamesRoundTripAndReleasedClaimsAreDeleted() {
        UserMapStore users = new UserMapStore(db.migratedPool());
        UsernameMapStore names = new UsernameMapStore(db.migratedPool());
        UserRecord u = new UserRecord("id-1", "a@example.org", "Alice", "$2a$hash", Role.PLAYER, true, 1_000);
        users.store(u.email(), u);
        users.store(u.email(), u.withRole(Role.ANALYST));
        names.store("alice", "id-1");
        names.store("bob", "id-2");
        names.delete("bob");
        assertThat(users.load("a@example.org")).isEqualTo(u.withRole(Role.ANALYST));
        assertThat(users.loadAllKeys()).containsExactly("a@example.org");
        assertThat(names.load("alice")).isEqualTo("id-1");
        assertThat(names.load("bob")).isNull();
        assertThat(names.loadAllKeys()).as("lazy").isNull();
    }

    @Test
    void aRevokedRefreshTokenIsNeverReactivatedByAnOlderCopy() {
        RefreshTokenMapStore tokens = new RefreshTokenMapStore(db.migratedPool());
        long future = System.currentTimeMillis() + 86_400_000L;
        RefreshTokenRecord active = RefreshTokenRecord.active("u1", "a@example.org", "fam", 1_000, future);
        tokens.store("h1", active);
        tokens.store("h1", active.with(RefreshTokenState.ROTATED, "h2"));
        tokens.store("h1", active.with(RefreshTokenState.REVOKED, "h2"));
        tokens.store("h1", active);
        tokens.store("old", RefreshTokenRecord.active("u1", "a@example.org", "fam", 1_000, 2_000));
        assertThat(tokens.load("h1").state()).isEqualTo(RefreshTokenState.REVOKED);
        assertThat(tokens.load("h1").successorHash()).isEqualTo("h2");
        assertThat(tokens.loadAllKeys()).as("eager, expired ones left out").containsExactly("h1");
    }

    @Test
    void signingKeysKeepTheActivePointerAndStayRetired() {
        SigningKeyMapStore keys = new SigningKeyMapStore(db.migratedPool());
        SigningKeyRecord k = new SigningKeyRecord("kid1", "pub", "priv", 1_000, true, false);
        keys.store("kid1", k);
        keys.store(SigningKeyRecord.ACTIVE_POINTER, k);
        keys.store("kid1", k.with(false, true));
        keys.store("kid1", k);
        assertThat(keys.load(SigningKeyRecord.ACTIVE_POINTER)).isEqualTo(k);
        assertThat(keys.load("kid1").retired()).isTrue();
        assertThat(keys.loadAllKeys()).containsExactlyInAnyOrder("kid1", SigningKeyRecord.ACTIVE_POINTER);
    }
}
