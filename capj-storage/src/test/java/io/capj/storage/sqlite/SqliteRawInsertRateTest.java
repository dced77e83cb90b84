package io.capj.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRawInsertRateTest {
    @TempDir
    Path scratch;

    @Test
    void insertsEveryRowAndLeavesNoScratchFilesBehind() throws IOException {
        SqliteRawInsertRate.Result result = SqliteRawInsertRate.measure(scratch, 4, 401, 2048);
        assertThat(result.rows()).isEqualTo(401);
        assertThat(result.rowsPerSecond()).isPositive();
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }
}
