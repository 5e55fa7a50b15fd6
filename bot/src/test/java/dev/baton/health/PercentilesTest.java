package dev.baton.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void noValuesHaveNoPercentiles() {
        Percentiles none = Percentiles.of(List.of());
        assertNull(none.p50());
        assertNull(none.p90());
        assertEquals(0, none.count());
    }

    @Test
    void oneValueIsEveryPercentile() {
        Percentiles one = Percentiles.of(42);
        assertEquals(42, one.at(1));
        assertEquals(42, one.p50());
        assertEquals(42, one.p90());
        assertEquals(42, one.at(100));
    }

    /** The textbook nearest-rank example: 15, 20, 35, 40, 50, given out of order. */
    @ParameterizedTest(name = "p{0} = {1}")
    @CsvSource({"5, 15", "20, 15", "30, 20", "40, 20", "50, 35", "60, 35", "80, 40", "90, 50", "100, 50"})
    void theNearestRankIsTheCeilingOfPTimesNOverAHundred(int percent, long expected) {
        assertEquals(expected, Percentiles.of(40, 15, 50, 35, 20).at(percent));
    }

    @ParameterizedTest(name = "{0} values 1..N: p50 = {1}, p90 = {2}")
    @CsvSource({"2, 1, 2", "4, 2, 4", "10, 5, 9", "11, 6, 10", "20, 10, 18", "70, 35, 63", "100, 50, 90"})
    void p50AndP90OfOneToN(int n, long p50, long p90) {
        Percentiles values = Percentiles.of(LongStream.rangeClosed(1, n).boxed().toList());
        assertEquals(p50, values.p50());
        assertEquals(p90, values.p90(), "0.9 × 70 is 63.000…01 in floating point; the rank must still be 63");
    }

    @Test
    void aPercentileIsAlwaysOneOfTheValuesNeverAnInterpolation() {
        assertEquals(10, Percentiles.of(10, 1000).p50());
        assertEquals(1000, Percentiles.of(10, 1000).p90());
    }

    @Test
    void repeatedValuesCountOnceEach() {
        assertEquals(5, Percentiles.of(5, 5, 5, 100).p50());
        assertEquals(100, Percentiles.of(5, 5, 5, 100).p90());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void aPercentileOutsideOneToAHundredIsAMistake(int percent) {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(1, 2, 3).at(percent));
    }
}
