package io.oregrid.node.sql;

import com.hazelcast.core.HazelcastInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL mappings analysts query (SPEC capability 11). The DDL lives in one classpath resource,
 * {@value #RESOURCE}, which the node executes here and the analysts' documentation
 * ({@code admin-console-config/README.md}) points at; nothing else defines a mapping.
 */
public final class SqlMappings {
    /** Classpath location of the DDL script: statements separated by {@code ;}, whole-line {@code --} comments. */
    public static final String RESOURCE = "/sql/mappings.sql";

    private SqlMappings() {
    }

    /**
     * Creates or replaces every mapping and type of {@value #RESOURCE}. Idempotent (each statement
     * is {@code CREATE OR REPLACE}); mappings live in the cluster's SQL catalog, so running this on
     * every member start is harmless and needs no entry in any map.
     *
     * @param hz a member, or a client of the cluster
     * @throws com.hazelcast.sql.HazelcastSqlException when a statement is refused (the message names it)
     */
    public static void create(HazelcastInstance hz) {
        for (String statement : statements()) {
            hz.getSql().execute(statement).close();
        }
    }

    /**
     * @return the statements of {@value #RESOURCE} in file order, comments removed, without the
     *         separating semicolons
     * @throws IllegalStateException when the resource is missing from the classpath
     */
    public static List<String> statements() {
        return parse(readResource());
    }

    /**
     * Splits a script into statements: whole-line {@code --} comments are dropped, then the text is
     * split at each {@code ;} and blank pieces are skipped.
     *
     * @param script DDL text; a semicolon may appear only as a statement terminator
     * @return trimmed statements, in order
     */
    static List<String> parse(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\\R")) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String piece : code.toString().split(";")) {
            String statement = piece.strip();
            if (!statement.isEmpty()) {
                statements.add(statement);
            }
        }
        return statements;
    }

    private static String readResource() {
        try (InputStream in = SqlMappings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("SQL mapping script " + RESOURCE + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL mapping script " + RESOURCE, e);
        }
    }
}
