package io.oregrid.edge.demo;

/** The API routes a demo player calls (SPEC "API contract v1"), as labels for latency and errors. */
public enum DemoEndpoint {
    REGISTER("POST /api/v1/auth/register"),
    REFRESH("POST /api/v1/auth/refresh"),
    LOCATION_UPDATE("POST /api/v1/location/update"),
    COINS_NEARBY("GET /api/v1/game/coins/nearby"),
    COIN_COLLECT("POST /api/v1/game/coins/{id}/collect");

    private final String label;

    DemoEndpoint(String label) {
        this.label = label;
    }

    /** @return method and path template, e.g. {@code POST /api/v1/location/update} */
    public String label() {
        return label;
    }
}
