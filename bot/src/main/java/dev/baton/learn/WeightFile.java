package dev.baton.learn;

import static dev.baton.text.Jackson.JSON;
import static dev.baton.text.Jackson.PRETTY_JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.text.Heads;
import dev.baton.text.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained model as a small JSON file: what it reads, its heads with their weights and firing
 * thresholds, and where it came from. Numbers are written with seven significant digits so that the
 * same training run gives the same bytes, and so the same checksum.
 */
public record WeightFile(String model, String input, Heads heads, Map<String, String> provenance) {

    private static final MathContext DIGITS = new MathContext(7);

    public WeightFile {
        provenance = Map.copyOf(provenance);
    }

    /** Reads a weight file shipped in the jar; a missing or malformed one is a build defect, said plainly. */
    public static WeightFile resource(String name) {
        try (InputStream in = WeightFile.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the weight file " + name + " is missing from the jar;"
                        + " rebuild it with `java -jar bot/target/baton.jar train` (see docs/models.md)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the weight file " + name, e);
        }
    }

    public static WeightFile read(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    static WeightFile parse(String json, String where) {
        try {
            JsonNode root = JSON.readTree(json);
            List<String> names = new ArrayList<>();
            List<float[]> weights = new ArrayList<>();
            List<Double> biases = new ArrayList<>();
            List<Double> firesAt = new ArrayList<>();
            for (JsonNode head : required(root, "heads", where)) {
                names.add(required(head, "name", where).asText());
                biases.add(required(head, "bias", where).asDouble());
                firesAt.add(required(head, "fires_at", where).asDouble());
                JsonNode w = required(head, "weights", where);
                float[] row = new float[w.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = (float) w.get(i).asDouble();
                }
                weights.add(row);
            }
            Map<String, String> provenance = new LinkedHashMap<>();
            root.path("provenance").fields().forEachRemaining(e -> provenance.put(e.getKey(), e.getValue().asText()));
            Heads heads = new Heads(names, weights.toArray(float[][]::new),
                    biases.stream().mapToDouble(Double::doubleValue).toArray(),
                    firesAt.stream().mapToDouble(Double::doubleValue).toArray(), hidden(root.get("hidden"), where));
            return new WeightFile(required(root, "model", where).asText(), required(root, "input", where).asText(),
                    heads, provenance);
        } catch (IOException e) {
            throw new IllegalStateException(where + ": not a weight file: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    /** The hidden layer in front of the heads, when the file has one. */
    private static Hidden hidden(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        float[] biases = floats(required(node, "biases", where));
        JsonNode rows = required(node, "weights", where);
        float[][] weights = new float[rows.size()][];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = floats(rows.get(i));
        }
        return new Hidden(weights, biases);
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(where + ": weight file lacks \"" + field + "\"");
        }
        return value;
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model);
        root.put("input", input);
        ObjectNode about = root.putObject("provenance");
        provenance.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> about.put(e.getKey(), e.getValue()));
        if (heads.hidden() != null) {
            ObjectNode hidden = root.putObject("hidden");
            ArrayNode biases = hidden.putArray("biases");
            for (float value : heads.hidden().biases()) {
                biases.add(round(value));
            }
            ArrayNode rows = hidden.putArray("weights");
            for (float[] row : heads.hidden().weights()) {
                ArrayNode values = rows.addArray();
                for (float value : row) {
                    values.add(round(value));
                }
            }
        }
        ArrayNode list = root.putArray("heads");
        for (int h = 0; h < heads.size(); h++) {
            ObjectNode head = list.addObject();
            head.put("name", heads.names().get(h));
            head.put("fires_at", round(heads.firesAt()[h]));
            head.put("bias", round(heads.biases()[h]));
            ArrayNode w = head.putArray("weights");
            for (float value : heads.weights()[h]) {
                w.add(round(value));
            }
        }
        try {
            return PRETTY_JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, json());
    }

    private static BigDecimal round(double value) {
        return new BigDecimal(value).round(DIGITS).stripTrailingZeros();
    }

    /** The SHA-256 of a file's bytes, as docs/models.md lists it. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
