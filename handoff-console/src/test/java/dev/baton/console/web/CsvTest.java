package dev.baton.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One text cell of a CSV export, as it goes in the file. */
class CsvTest {

    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "billing channel              | billing channel",
            "grief, anxiety               | `\"grief, anxiety\"`",
            "the `quoted` one             | the `quoted` one",
            "`say \"hi\"`                 | `\"say \"\"hi\"\"\"`",
            "`=HYPERLINK(\"http://x\")`   | `\"'=HYPERLINK(\"\"http://x\"\")\"`",
            "+1 555                       | '+1 555",
            "-2+3                         | '-2+3",
            "@SUM(A1)                     | '@SUM(A1)",
            "`=1,2`                       | `\"'=1,2\"`",
            "a=b                          | a=b",
    })
    void isQuotedWhenItMustBeAndNeverStartsAFormula(String in, String out) {
        assertEquals(out, Csv.escape(in));
    }

    @Test
    void lineBreaksTabsAndOuterSpacesAreKeptInsideQuotes() {
        assertEquals("\"two\nlines\"", Csv.escape("two\nlines"));
        assertEquals("'\tindented", Csv.escape("\tindented"));
        assertEquals("\"'\rreturn\"", Csv.escape("\rreturn"));
        assertEquals("\" padded \"", Csv.escape(" padded "));
        assertEquals("", Csv.escape(null));
        assertEquals("", Csv.escape(""));
    }
}
