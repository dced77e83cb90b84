package io.capj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataDirectoryTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "/srv/flag,  /opt/capj, /home/u, /srv/flag",
        "/srv/a/../b,-,         /home/u, /srv/b",
        "-,          /opt/capj, /home/u, /opt/capj",
        "-,          '',        /home/u, /home/u/.capj",
        "-,          -,         /home/u, /home/u/.capj"})
    void flagWinsThenCapjHomeThenHomeDotCapj(String flag, String capjHome, String userHome, String expected) {
        Path resolved = DataDirectory.resolve(flag == null ? null : Path.of(flag), capjHome, userHome);

        assertThat(resolved).isEqualTo(Path.of(expected));
    }

    @ParameterizedTest
    @CsvSource({"relative/dir", "."})
    void relativeDirectoriesBecomeAbsolute(String flag) {
        assertThat(DataDirectory.resolve(Path.of(flag), null, "/home/u"))
                .isAbsolute()
                .isEqualTo(Path.of(flag).toAbsolutePath().normalize());
    }

    @ParameterizedTest
    @CsvSource({"/var/lib/capj, sqlite:///var/lib/capj/state.db"})
    void theDefaultStoreIsSqliteInTheDataDirectory(String dir, String url) {
        assertThat(DataDirectory.defaultStoreUrl(Path.of(dir))).isEqualTo(url);
    }
}
