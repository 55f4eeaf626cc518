package io.oregrid.edge.realtime;

import io.oregrid.grid.support.Geo;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The room radius: which cells around a player's cell (S2, game level) count.
 * <ul>
 *   <li>{@link #ROOM_RINGS} = 1: a connection is always in the rooms of its player's cell and the
 *       8 cells around it — a 3×3 block, about 850 m across at the default 280 m cells, so every
 *       point within one cell edge of the player (and the SPEC's 100 m default nearby radius) is covered;</li>
 *   <li>{@link #NEAR_RINGS} = 2: the 5×5 block (about 1.4 km across) is "near": the
 *       {@code location:cell:<token>} channels a client may subscribe to, and the cell chats it may
 *       write in.</li>
 * </ul>
 */
final class Neighbourhood {
    /** Rings of neighbours whose rooms a connection is always in. */
    static final int ROOM_RINGS = 1;
    /** Rings of neighbours a client may subscribe to or chat in. */
    static final int NEAR_RINGS = 2;

    private Neighbourhood() {
    }

    /** @return {@code cellToken} and the cells up to {@code rings} steps away (edge or corner neighbours) */
    static Set<String> cells(String cellToken, int rings) {
        Set<String> found = new LinkedHashSet<>();
        found.add(cellToken);
        Set<String> frontier = Set.of(cellToken);
        for (int ring = 0; ring < rings; ring++) {
            Set<String> next = new LinkedHashSet<>();
            for (String token : frontier) {
                for (String n : Geo.withNeighbours(token)) {
                    if (found.add(n)) {
                        next.add(n);
                    }
                }
            }
            frontier = next;
        }
        return found;
    }
}
