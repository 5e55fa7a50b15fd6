package dev.baton.text;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The bot's one JSON mapper, configured here and nowhere else, so that what Baton stores (handoff
 * packets, decision rows, rule changes), prints (triage, replay) and reads back agrees everywhere.
 * Instants are written as ISO-8601 strings, as stored handoff packets and replay reports have them;
 * everything else is Jackson's default: properties in declaration order, nulls written, unknown
 * properties refused when reading into a class. Thread-safe once built; never reconfigure it.
 */
public final class Jackson {

    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** The same, indented: for files people read and diff, such as the shipped weight files. */
    public static final ObjectWriter PRETTY_JSON = JSON.writerWithDefaultPrettyPrinter();

    private Jackson() {
    }
}
