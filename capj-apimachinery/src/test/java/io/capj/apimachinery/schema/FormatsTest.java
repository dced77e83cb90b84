package io.capj.apimachinery.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The string formats Kubernetes validates, with strfmt's verdicts. */
class FormatsTest {

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("date-time", "2024-02-29T10:00:00Z", true),
                Arguments.of("date-time", "2024-02-29T10:00:00.123+02:00", true),
                Arguments.of("datetime", "2024-02-29t10:00:00z", true),
                Arguments.of("date-time", "2023-02-29T10:00:00Z", false),
                Arguments.of("date-time", "2024-01-01T24:00:00Z", false),
                Arguments.of("date-time", "2024-01-01", false),
                Arguments.of("date", "2024-01-31", true),
                Arguments.of("date", "2024-1-31", false),
                Arguments.of("duration", "1h30m", true),
                Arguments.of("duration", "1.5s", true),
                Arguments.of("duration", "3 days", true),
                Arguments.of("duration", "soon", false),
                Arguments.of("hostname", "example.com", true),
                Arguments.of("hostname", "-bad.com", false),
                Arguments.of("ipv4", "10.0.0.1", true),
                Arguments.of("ipv4", "10.0.0.256", false),
                Arguments.of("ipv4", "::1", false),
                Arguments.of("ipv6", "fe80::1", true),
                Arguments.of("ipv6", "::ffff:10.0.0.1", true),
                Arguments.of("ipv6", "1:2:3:4:5:6:7:8:9", false),
                Arguments.of("ipv6", "10.0.0.1", false),
                Arguments.of("cidr", "10.0.0.0/8", true),
                Arguments.of("cidr", "fd00::/64", true),
                Arguments.of("cidr", "10.0.0.0/33", false),
                Arguments.of("cidr", "10.0.0.0", false),
                Arguments.of("mac", "00:1a:2b:3c:4d:5e", true),
                Arguments.of("mac", "00-1A-2B-3C-4D-5E", true),
                Arguments.of("mac", "001a.2b3c.4d5e", true),
                Arguments.of("mac", "00:1a:2b", false),
                Arguments.of("uri", "https://example.com/x?y=z", true),
                Arguments.of("uri", "/absolute", true),
                Arguments.of("uri", "mailto:someone", true),
                Arguments.of("uri", "relative/path", false),
                Arguments.of("uri", "https://a:b:c/", false),
                Arguments.of("uuid", "123e4567-e89b-12d3-a456-426614174000", true),
                Arguments.of("uuid", "123e4567e89b12d3a456426614174000", true),
                Arguments.of("uuid", "123e4567", false),
                Arguments.of("uuid4", "123e4567-e89b-42d3-a456-426614174000", true),
                Arguments.of("uuid4", "123e4567-e89b-12d3-a456-426614174000", false),
                Arguments.of("email", "someone@example.com", true),
                Arguments.of("email", "Someone <someone@example.com>", true),
                Arguments.of("email", "someone", false),
                Arguments.of("byte", "aGVsbG8=", true),
                Arguments.of("byte", "not base64!", false),
                Arguments.of("isbn10", "0321751043", true),
                Arguments.of("isbn13", "978-0321751041", true),
                Arguments.of("isbn", "0321751044", false),
                Arguments.of("creditcard", "4111 1111 1111 1111", true),
                Arguments.of("creditcard", "4111 1111 1111 1112", false),
                Arguments.of("ssn", "123-45-6789", true),
                Arguments.of("hexcolor", "#ff0000", true),
                Arguments.of("rgbcolor", "rgb(255, 0, 0)", true),
                Arguments.of("rgbcolor", "rgb(256, 0, 0)", false),
                Arguments.of("bsonobjectid", "507f1f77bcf86cd799439011", true),
                Arguments.of("password", "anything", true),
                Arguments.of("k8s-short-name", "my-name", true),
                Arguments.of("k8s-short-name", "my.name", false),
                Arguments.of("k8s-long-name", "my.name", true),
                Arguments.of("no-such-format", "anything", true));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("formats")
    void validates(String format, String value, boolean valid) {
        assertThat(Formats.valid(format, value)).isEqualTo(valid);
    }
}
