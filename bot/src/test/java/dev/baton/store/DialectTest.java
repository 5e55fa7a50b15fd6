package dev.baton.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The few spellings that differ; that each runs and agrees is checked by the stores' tests on both databases. */
class DialectTest {

    @Test
    void aJsonFieldIsJsonExtractOnSqliteAndAPathOperatorOnPostgresql() {
        assertEquals("json_extract(h.packet, '$.customer.name')", Dialect.SQLITE.jsonField("h.packet", "customer", "name"));
        assertEquals("(h.packet::json #>> '{customer,name}')", Dialect.POSTGRESQL.jsonField("h.packet", "customer",
                "name"));
    }

    @Test
    void aJsonFieldNameThatIsNotAPlainNameIsRefusedSinceItIsWrittenIntoTheSql() {
        assertThrows(IllegalArgumentException.class, () -> Dialect.POSTGRESQL.jsonField("packet", "a}'; DROP"));
    }

    @Test
    void theGreaterOfTwoIsMaxOnSqliteAndGreatestOnPostgresql() {
        assertEquals("MAX(last_message_at, ?)", Dialect.SQLITE.greater("last_message_at", "?"));
        assertEquals("GREATEST(last_message_at, ?)", Dialect.POSTGRESQL.greater("last_message_at", "?"));
    }
}
