package io.oregrid.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Raw configuration values by key, merged from a YAML file and {@code ORE_*} environment variables
 * (environment wins). Keys are the upper snake case of the YAML path without the prefix:
 * {@code anticheat: {max_speed_kmh: 150}} and {@code ORE_ANTICHEAT_MAX_SPEED_KMH=150} both set
 * {@code ANTICHEAT_MAX_SPEED_KMH}.
 */
public final class ConfigSource {

    /** Prefix of every environment variable the node reads. */
    public static final String ENV_PREFIX = "ORE_";
    private final Map<String, String> values;

    private ConfigSource(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** A source from explicit key/value pairs (keys without the {@code ORE_} prefix). */
    public static ConfigSource of(Map<String, String> values) {
        Map<String, String> normalised = new HashMap<>();
        values.forEach((k, v) -> normalised.put(normaliseKey(k), v));
        return new ConfigSource(normalised);
    }

    /**
     * Reads the optional YAML file, then overlays every {@code ORE_*} variable of {@code env}.
     *
     * @param yaml the file, or null for none
     * @throws ConfigException if the file cannot be read or parsed
     */
    public static ConfigSource load(Path yaml, Map<String, String> env) {
        Map<String, String> merged = new HashMap<>();
        if (yaml != null) {
            try {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(yaml));
                if (root != null && !root.isNull()) {
                    flatten("", root, merged);
                }
            } catch (IOException e) {
                throw new ConfigException("cannot read config file " + yaml + ": " + e.getMessage());
            }
        }
        env.forEach((k, v) -> {
            if (k.startsWith(ENV_PREFIX)) {
                merged.put(k.substring(ENV_PREFIX.length()), v);
            }
        });
        return new ConfigSource(merged);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "_" + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            StringBuilder sb = new StringBuilder();
            node.forEach(n -> sb.append(sb.length() == 0 ? "" : ",").append(n.asText()));
            out.put(normaliseKey(prefix), sb.toString());
        } else if (!node.isNull()) {
            out.put(normaliseKey(prefix), node.asText());
        }
    }

    private static String normaliseKey(String key) {
        String k = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        return k.startsWith(ENV_PREFIX) ? k.substring(ENV_PREFIX.length()) : k;
    }

    /** @return the raw value for {@code key} (without prefix), or null when unset or blank */
    public String get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
