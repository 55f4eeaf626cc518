package io.oregrid.grid.liveops;

import java.util.Optional;

/** The game servers' event types (SPEC "Event ingestion and LiveOps"), with their wire names. */
public enum EventType {
    /** XP gained: payload {@code {"deltaXp","activity"}}. */
    PROGRESSION("progression"),
    /** A boss killed: payload {@code {"bossId"}}. */
    BOSS_KILL("boss_kill"),
    /** A drop claimed: payload {@code {"itemId","rarity"}}. */
    DROP_CLAIMED("drop_claimed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name in the {@code type} field and in the Kafka topic {@code events.<type>} */
    public String wireName() {
        return wireName;
    }

    /** @return the type with this wire name, if any */
    public static Optional<EventType> fromWireName(String name) {
        for (EventType t : values()) {
            if (t.wireName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
