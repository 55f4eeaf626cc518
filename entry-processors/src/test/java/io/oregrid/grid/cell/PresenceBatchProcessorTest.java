package io.oregrid.grid.cell;

import org.junit.jupiter.api.Test;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link PresenceBatchProcessor}: a batch of enters and leaves over several cells leaves each cell as
 * the same enters and leaves applied one by one in the fixes' order would — the property that lets
 * the tail send them as one multi-key operation in any order.
 */
class PresenceBatchProcessorTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final long STALE = 300_000;
    private static final String[] CELLS = {"c1", "c2", "c3"};

    /** One fix of a walk: the player is in {@code cell} at {@code t}, having left {@code left} (or null). */
    private record Step(String player, String cell, String left, long t) {
    }

    @Test
    void anEnterAndALeaveOfOneBatchEndAsTheirOrderSays() {
        // p1 enters c1 then leaves it for c2; p2 leaves c1 for c2 then comes back to c1
        Map<String, Map.Entry<String, CellPresence>> cells = cells(Map.of("c1", new CellPresence("c1",
                new Presence[]{new Presence("p2", "bob", 1, 2, NOW - 10)})));
        List<Step> steps = List.of(new Step("p1", "c1", null, NOW), new Step("p2", "c2", "c1", NOW + 1),
                new Step("p1", "c2", "c1", NOW + 2), new Step("p2", "c1", "c2", NOW + 3));
        apply(batch(steps), cells);
        assertThat(players(cells.get("c1"))).containsExactly("p2");
        assertThat(players(cells.get("c2"))).containsExactly("p1");
    }

    @Test
    void anyWalkEndsAsTheSingleProcessorsInOrder() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            Map<String, String> at = new HashMap<>();
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String player = "p" + random.nextInt(5);
                String cell = CELLS[random.nextInt(CELLS.length)];
                String was = at.put(player, cell);
                steps.add(new Step(player, cell, was != null && !was.equals(cell) ? was : null, NOW + i));
            }
            Map<String, Map.Entry<String, CellPresence>> one = cells(Map.of());
            for (Step s : steps) {
                if (s.left() != null) {
                    new LeaveCellProcessor(s.player(), s.t()).process(one.get(s.left()));
                }
                new EnterCellProcessor(s.player(), "u", 1, 2, s.t(), NOW + 100, STALE).process(one.get(s.cell()));
            }
            Map<String, Map.Entry<String, CellPresence>> batched = cells(Map.of());
            List<Step> shuffled = new ArrayList<>(steps);
            java.util.Collections.shuffle(shuffled, random);
            apply(batch(shuffled), batched);
            for (String c : CELLS) {
                assertThat(presence(batched.get(c))).as("round %d, cell %s", round, c).isEqualTo(presence(one.get(c)));
            }
        }
    }

    @Test
    void stalePlayersAreDroppedAndReported() {
        Map<String, Map.Entry<String, CellPresence>> cells = cells(Map.of("c1", new CellPresence("c1",
                new Presence[]{new Presence("old", "o", 1, 2, NOW - STALE - 1)})));
        PresenceBatchProcessor p = batch(List.of(new Step("p1", "c1", null, NOW)));
        PresenceChange change = p.process(cells.get("c1"));
        assertThat(change.placed()).isTrue();
        assertThat(change.dropped()).containsExactly("old");
        assertThat(players(cells.get("c1"))).containsExactly("p1");
        assertThat(p.process(cells.get("c2")).placed()).as("a cell with nothing for it").isFalse();
    }

    @Test
    void unsortedOrUnpairedCellsAreRefused() {
        EnterCellProcessor e = new EnterCellProcessor("p", "u", 1, 2, NOW, NOW, STALE);
        assertThatThrownBy(() -> new PresenceBatchProcessor(new String[]{"b", "a"}, new EnterCellProcessor[]{e, e},
                new String[0], new LeaveCellProcessor[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PresenceBatchProcessor(new String[]{"a"}, new EnterCellProcessor[0],
                new String[0], new LeaveCellProcessor[0])).isInstanceOf(IllegalArgumentException.class);
    }

    private static PresenceBatchProcessor batch(List<Step> steps) {
        List<Step> enters = new ArrayList<>(steps);
        enters.sort(Comparator.comparing(Step::cell));
        List<Step> leaves = new ArrayList<>(steps.stream().filter(s -> s.left() != null).toList());
        leaves.sort(Comparator.comparing(Step::left));
        return new PresenceBatchProcessor(enters.stream().map(Step::cell).toArray(String[]::new),
                enters.stream().map(s -> new EnterCellProcessor(s.player(), "u", 1, 2, s.t(), NOW + 100, STALE))
                        .toArray(EnterCellProcessor[]::new),
                leaves.stream().map(Step::left).toArray(String[]::new),
                leaves.stream().map(s -> new LeaveCellProcessor(s.player(), s.t())).toArray(LeaveCellProcessor[]::new));
    }

    private static void apply(PresenceBatchProcessor p, Map<String, Map.Entry<String, CellPresence>> cells) {
        for (Map.Entry<String, CellPresence> e : cells.values()) {
            p.process(e);
        }
    }

    private static Map<String, Map.Entry<String, CellPresence>> cells(Map<String, CellPresence> initial) {
        Map<String, Map.Entry<String, CellPresence>> m = new HashMap<>();
        for (String c : CELLS) {
            m.put(c, new AbstractMap.SimpleEntry<>(c, initial.get(c)));
        }
        return m;
    }

    private static List<String> players(Map.Entry<String, CellPresence> e) {
        return e.getValue() == null ? List.of() : Arrays.stream(e.getValue().present()).map(Presence::playerId).sorted().toList();
    }

    private static Map<String, Long> presence(Map.Entry<String, CellPresence> e) {
        Map<String, Long> m = new HashMap<>();
        if (e.getValue() != null) {
            for (Presence p : e.getValue().present()) {
                m.put(p.playerId(), p.timestampMs());
            }
        }
        return m;
    }
}
