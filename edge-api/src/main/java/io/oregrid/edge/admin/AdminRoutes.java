package io.oregrid.edge.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.oregrid.edge.EdgeModule;
import io.oregrid.edge.auth.AuthService;
import io.oregrid.edge.auth.Principal;
import io.oregrid.edge.http.ApiException;
import io.oregrid.edge.http.Bodies;
import io.oregrid.edge.http.ErrorCode;
import io.oregrid.grid.auth.Role;
import io.oregrid.grid.auth.UserRecord;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Administration (SPEC "Who may call what"): every {@code /api/v1/admin/**} route needs role
 * {@code admin} (403 FORBIDDEN otherwise, checked by {@link #requireAdmin} before any handler);
 * {@code POST /api/v1/admin/users/{id}/role} {@code {"role"}} grants a role, effective in the
 * user's next token (refresh or login).
 */
public final class AdminRoutes implements EdgeModule {
    private final AuthService auth;
    private final long maxBodyBytes;

    public AdminRoutes(AuthService auth, long maxBodyBytes) {
        this.auth = auth;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.before("/api/v1/admin/*", AdminRoutes::requireAdmin);
        routes.post("/api/v1/admin/users/{id}/role", this::changeRole);
    }

    /** Before-handler: the caller must hold role admin. */
    static void requireAdmin(Context ctx) {
        if (!Role.ADMIN.wireName().equals(Principal.of(ctx).role())) {
            throw ApiException.of(ErrorCode.FORBIDDEN, "admin role required");
        }
    }

    private void changeRole(Context ctx) {
        JsonNode body = Bodies.object(ctx, maxBodyBytes);
        String name = Bodies.requireString(body, "role");
        Role role = Role.fromWireName(name).orElseThrow(() ->
                ApiException.invalid("role", "role must be one of player, advertiser, analyst, admin"));
        UserRecord user = auth.changeRole(ctx.pathParam("id"), role)
                .orElseThrow(() -> ApiException.of(ErrorCode.NOT_FOUND, "no such user"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", user.id());
        out.put("username", user.username());
        out.put("email", user.email());
        out.put("role", user.role().wireName());
        out.put("is_genesis", user.genesis());
        ctx.json(Map.of("user", out));
    }
}
