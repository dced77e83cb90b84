package io.capj.apiserver.security;

import java.util.ArrayList;
import java.util.List;

/**
 * The subset of RFC 4180 that Go's {@code encoding/csv} reads in a token file: comma-separated fields,
 * a field may be double-quoted, and {@code ""} inside quotes is one quote.
 */
final class CsvLine {
    private CsvLine() {
    }

    static List<String> split(String line, String where) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i = readQuoted(line, i + 1, field, where);
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException(where + ": extraneous character after closing quote");
                }
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? line.length() : comma;
                field.append(line, i, end);
                i = end;
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++; // skip the comma
        }
    }

    /** Appends the quoted field starting after its opening quote; returns the index after the closing quote. */
    private static int readQuoted(String line, int start, StringBuilder field, String where) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c != '"') {
                field.append(c);
                i++;
            } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
            } else {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(where + ": unterminated quoted field");
    }

    static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    static String quoteIfNeeded(String value) {
        return value.indexOf(',') >= 0 || value.indexOf('"') >= 0 ? quote(value) : value;
    }
}
