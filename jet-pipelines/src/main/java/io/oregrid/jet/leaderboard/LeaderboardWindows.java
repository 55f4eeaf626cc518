package io.oregrid.jet.leaderboard;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The leaderboard windows of SPEC "Event ingestion and LiveOps", all in UTC: days from 00:00, ISO
 * weeks from Monday 00:00, seasons of {@code seasonLengthDays} from {@code seasonStart} (season 1
 * starts there; days before it belong to seasons 0, −1, ...). Serializable: the Jet job carries it.
 *
 * @param seasonStart      first day of season 1 ({@code ORE_SEASON_START})
 * @param seasonLengthDays season length, days ({@code ORE_SEASON_LENGTH_DAYS})
 */
public record LeaderboardWindows(LocalDate seasonStart, int seasonLengthDays) implements Serializable {

    /** Window kinds with their wire names ({@code ?window=}). */
    public enum Kind {
        DAILY("daily"), WEEKLY("weekly"), SEASONAL("seasonal");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** @return the kind with this wire name, if any */
        public static Optional<Kind> fromWireName(String name) {
            for (Kind k : values()) {
                if (k.wireName.equals(name)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One window.
     *
     * @param kind    daily, weekly or seasonal
     * @param ordinal orders windows of a kind: epoch day, epoch day of the week's Monday, season number
     * @param key     the {@code window} field of {@code leaderboards} values, e.g. {@code weekly:2026-W47}
     */
    public record Window(Kind kind, long ordinal, String key) implements Serializable {
    }

    public LeaderboardWindows {
        if (seasonLengthDays < 1) {
            throw new IllegalArgumentException("seasonLengthDays must be at least 1, got " + seasonLengthDays);
        }
    }

    /** @return the window of {@code kind} that contains {@code epochMs} */
    public Window of(Kind kind, long epochMs) {
        LocalDate day = Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC).toLocalDate();
        return switch (kind) {
            case DAILY -> new Window(kind, day.toEpochDay(), "daily:" + day);
            case WEEKLY -> new Window(kind, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toEpochDay(),
                    String.format(Locale.ROOT, "weekly:%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                            day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            case SEASONAL -> {
                long season = season(epochMs);
                yield new Window(kind, season, "seasonal:" + season);
            }
        };
    }

    /** @return the daily, weekly and seasonal windows that contain {@code epochMs} */
    public List<Window> windowsOf(long epochMs) {
        return List.of(of(Kind.DAILY, epochMs), of(Kind.WEEKLY, epochMs), of(Kind.SEASONAL, epochMs));
    }

    /** @return the season number at {@code epochMs} (1 = the season starting at {@code seasonStart}) */
    public long season(long epochMs) {
        long day = Math.floorDiv(epochMs, 86_400_000L);
        return Math.floorDiv(day - seasonStart.toEpochDay(), seasonLengthDays) + 1;
    }
}
