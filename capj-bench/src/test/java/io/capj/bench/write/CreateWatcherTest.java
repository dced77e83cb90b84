package io.capj.bench.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreateWatcherTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "{\"type\":\"ADDED\",\"object\":{\"type\":\"x\"}}|ADDED",
            "{\"object\":{\"type\":\"inner\",\"a\":[1,2]},\"type\":\"MODIFIED\"}|MODIFIED",
            "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\"}}|ERROR",
            "not json|NULL",
            "[1,2]|NULL"})
    void readsOnlyTheTopLevelType(String line, String expected) {
        assertThat(CreateWatcher.eventType(line)).isEqualTo(expected);
    }
}
