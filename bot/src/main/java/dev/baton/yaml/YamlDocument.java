package dev.baton.yaml;

import dev.baton.yaml.ConfigException.Problem;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.ComposerException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads one hand-edited YAML file into SnakeYAML's node tree. Uses the node tree rather than
 * Jackson's {@code JsonNode} because every node keeps the line and column it was written on, which
 * is what lets problems point at the exact line to fix. File and syntax problems become a
 * {@link ConfigException} worded for people who don't know YAML's vocabulary.
 */
public final class YamlDocument {

    /** Nearly every YAML syntax error in a hand-edited file is one of these. */
    static final String SYNTAX_HINT = "check the indentation on this line and the one before (spaces, not tabs;"
            + " keys of one mapping line up), and put text that contains `: `, `#` or starts with `{`, `[`, `*`,"
            + " `&` or `@` in quotes";

    private YamlDocument() {
    }

    /**
     * @param what how to name the file in messages, e.g. "knowledge base file" or "team file"
     * @return the root node, or {@code null} for an empty file
     */
    public static Node read(Path file, String what) {
        String origin = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw fileProblem(origin, what + " not found: " + file.toAbsolutePath(), e,
                    "check the directory: BATON_CONFIG_DIR (default `config`) says where Baton's files are");
        } catch (AccessDeniedException e) {
            throw fileProblem(origin, "no permission to read " + what + " " + file.toAbsolutePath(), e,
                    "let the user Baton runs as read it, e.g. `chmod a+r` on the file");
        } catch (MalformedInputException e) {
            throw fileProblem(origin, what + " " + file.toAbsolutePath() + " is not valid UTF-8 text; save it as UTF-8", e,
                    "in your editor choose Save with Encoding > UTF-8");
        } catch (IOException e) {
            throw fileProblem(origin, "cannot read " + what + " " + file.toAbsolutePath() + ": " + e, e, "");
        }
        return compose(origin, text, what);
    }

    /** Like {@link #read} for text from elsewhere; {@code origin} names the source in problems. */
    public static Node parse(String origin, Reader reader, String what) {
        // Config files are small; holding the text lets a bad character be mapped back to a line.
        StringWriter text = new StringWriter();
        try {
            reader.transferTo(text);
        } catch (IOException e) {
            throw fileProblem(origin, "cannot read " + what + ": " + e, e, "");
        }
        return compose(origin, text.toString(), what);
    }

    private static Node compose(String origin, String text, String what) {
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            // Past a syntax error the tree is unknown, so this is the one case reported on its own.
            throw new ConfigException(List.of(syntaxProblem(origin, e)), e);
        } catch (ReaderException e) {
            throw new ConfigException(List.of(characterProblem(origin, text, e)), e);
        } catch (YAMLException e) {
            // Unmarked and not about a character: a SnakeYAML safety limit (size, aliases) was hit.
            throw fileProblem(origin, "cannot load " + what + ": " + e.getMessage(), e,
                    "the file is far larger or more nested than a hand-written config; check it is the right file");
        }
    }

    private static Problem syntaxProblem(String origin, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String message = "YAML syntax error: " + (e.getProblem() != null ? e.getProblem() : e.getContext());
        String hint = SYNTAX_HINT;
        if (e instanceof ComposerException && String.valueOf(e.getProblem()).contains("another document")) {
            // SnakeYAML's wording ("but found another document") is baffling to non-YAML people.
            message = "YAML syntax error: a second document starts here; the file must hold one document,"
                    + " so remove this `---` line";
            hint = "";
        } else if (e.getProblem() != null && e.getContext() != null && e.getContextMark() != null) {
            // The context ("while scanning a quoted scalar") often names where the real mistake began.
            message += " (" + e.getContext() + " at line " + (e.getContextMark().getLine() + 1) + ")";
        }
        return mark == null
                ? new Problem(origin, 0, 0, message, hint)
                : new Problem(origin, mark.getLine() + 1, mark.getColumn() + 1, message, hint);
    }

    /** SnakeYAML rejects control characters (often pasted in with answers) by code-point index only. */
    private static Problem characterProblem(String origin, String text, ReaderException e) {
        int line = 1;
        int column = 1;
        int offset = 0;
        for (int seen = 0; seen < e.getPosition() && offset < text.length(); seen++) {
            int codePoint = text.codePointAt(offset);
            offset += Character.charCount(codePoint);
            if (codePoint == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Problem(origin, line, column, String.format(
                "invisible control character U+%04X is not allowed in YAML; delete it", e.getCodePoint()),
                "such characters often come with text pasted from elsewhere; retype the line by hand");
    }

    private static ConfigException fileProblem(String origin, String message, Throwable cause, String hint) {
        return new ConfigException(List.of(new Problem(origin, 0, 0, message, hint)), cause);
    }
}
