package io.oregrid.edge.realtime;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
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

    /** Cells whose room sets are kept: a city's worth (a 100 km² city is about 1,300 cells at 280 m). */
    private static final int CACHED_CELLS = 50_000;
    private static final LoadingCache<String, Set<String>> ROOM_ROOMS = roomsCache(ROOM_RINGS);
    private static final LoadingCache<String, Set<String>> NEAR_ROOMS = roomsCache(NEAR_RINGS);

    private Neighbourhood() {
    }

    private static LoadingCache<String, Set<String>> roomsCache(int rings) {
        return Caffeine.newBuilder().maximumSize(CACHED_CELLS).build(token -> {
            Set<String> rooms = new LinkedHashSet<>();
            for (String cell : cells(token, rings)) {
                rooms.add(Channel.locationRoom(cell));
            }
            return Set.copyOf(rooms);
        });
    }

    /**
     * @param rings {@link #ROOM_RINGS} or {@link #NEAR_RINGS}
     * @return the {@code location:cell:<token>} rooms of {@link #cells}, immutable; computed once per cell
     *         (S2 neighbour walks showed as 14 % of a WebSocket node's CPU when done per move)
     */
    static Set<String> rooms(String cellToken, int rings) {
        return switch (rings) {
            case ROOM_RINGS -> ROOM_ROOMS.get(cellToken);
            case NEAR_RINGS -> NEAR_ROOMS.get(cellToken);
            default -> throw new IllegalArgumentException("rings " + rings);
        };
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
