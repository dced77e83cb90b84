package io.capj.apiserver.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StaticTokenFileTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("t,alice,u1", new UserInfo("alice", "u1", List.of())),
                Arguments.of("t,alice,u1,\"devs,ops\"", new UserInfo("alice", "u1", List.of("devs", "ops"))),
                Arguments.of("t,alice,u1,ops", new UserInfo("alice", "u1", List.of("ops"))),
                Arguments.of("t,alice,u1,ops,ignored-extra-column", new UserInfo("alice", "u1", List.of("ops"))),
                Arguments.of("t,\"a,\"\"quoted\"\" name\",u1", new UserInfo("a,\"quoted\" name", "u1", List.of())),
                Arguments.of("\uFEFFt,alice,u1,", new UserInfo("alice", "u1", List.of())));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void linesParseAsUpstreamReadsThem(String line, UserInfo expected) {
        assertThat(StaticTokenFile.parse(line + "\n\n", "tokens.csv"))
                .containsExactly(new StaticTokenFile.Entry("t", expected));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void formattedLinesParseBackToTheSameEntry(String line, UserInfo user) {
        StaticTokenFile.Entry entry = new StaticTokenFile.Entry("tok,en", user);

        assertThat(StaticTokenFile.parse(StaticTokenFile.format(entry), "tokens.csv")).containsExactly(entry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"t,alice", ",alice,u1", "t,\"alice,u1", "t,\"alice\"x,u1"})
    void malformedLinesFailWithTheirLineNumber(String line) {
        assertThatThrownBy(() -> StaticTokenFile.parse("ok,bob,u0\n" + line, "tokens.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tokens.csv:2: ");
    }
}
