package io.capj.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capj.storage.Stores;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StoreUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            memory://                                       |                    | 10000 | 60
            memory://?retain=5                              |                    | 5     | 60
            sqlite://state.db                               | state.db           | 10000 | 60
            sqlite://data/dir/state.db?compactIntervalSeconds=0 | data/dir/state.db | 10000 | 0
            sqlite:///var/lib/capj/state.db?retain=7&compactIntervalSeconds=30 | /var/lib/capj/state.db | 7 | 30
            """)
    void acceptedForms(String url, String path, long retain, long intervalSeconds) {
        StoreUrl parsed = StoreUrl.parse(url);
        assertThat(parsed.sqliteFile()).isEqualTo(path == null ? null : Path.of(path));
        assertThat(parsed.options().retainRevisions()).isEqualTo(retain);
        assertThat(parsed.options().compactInterval()).isEqualTo(Duration.ofSeconds(intervalSeconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "etcd://localhost:2379", "sqlite://", "sqlite:///", "sqlite:relative.db",
            "memory://name", "memory://?retain=-1", "sqlite://x.db?retain=ten", "sqlite://x.db?bogus=1"})
    void rejectedFormsNameTheUrlAndTheAcceptedForms(String url) {
        assertThatThrownBy(() -> Stores.open(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + url + "'")
                .hasMessageContaining("memory://")
                .hasMessageContaining("sqlite://PATH");
    }
}
