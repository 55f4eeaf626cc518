package io.oregrid.grid.auth;

import java.util.Locale;
import java.util.Optional;

/** The roles of SPEC "API contract v1": {@code player} (default), advertiser, analyst, admin. */
public enum Role {
    PLAYER, ADVERTISER, ANALYST, ADMIN;

    /** @return the name used on the wire and in the {@code role} claim, lower case */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the role whose wire name is {@code name}, or empty when there is none */
    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
