package io.oregrid.edge;

import io.javalin.config.RoutesConfig;

/** A feature's routes on the edge (auth, location, game, ops...); the composition root adds them. */
@FunctionalInterface
public interface EdgeModule {
    /** Registers this feature's handlers. */
    void routes(RoutesConfig routes);
}
