package io.oregrid.edge.game;

import io.oregrid.grid.cell.Coin;

import java.util.LinkedHashMap;
import java.util.Map;

/** A coin as clients see it (SPEC "Game"): {@code {"id","lat","lng","value","type","expires_at"}}. */
public final class CoinJson {

    private CoinJson() {
    }

    /** @return the coin's fields in SPEC order (callers may add {@code distance_m}) */
    public static Map<String, Object> of(Coin c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("lat", c.lat());
        m.put("lng", c.lng());
        m.put("value", c.value());
        m.put("type", c.type().apiName());
        m.put("expires_at", c.expiresAtMs());
        return m;
    }
}
